-- Registre Hub, schema version 5: search of demands, indexed for millions of rows.

-- Every commune and typology wished (the dossier keeps them in order; these columns are for search).
ALTER TABLE demande
    ADD COLUMN communes   TEXT[],
    ADD COLUMN typologies TEXT[];

UPDATE demande
   SET communes   = ARRAY(SELECT jsonb_array_elements_text(dossier -> 'logementRecherche' -> 'communes')),
       typologies = ARRAY(SELECT jsonb_array_elements_text(dossier -> 'logementRecherche' -> 'typologies'));

ALTER TABLE demande
    ALTER COLUMN communes SET NOT NULL,
    ALTER COLUMN typologies SET NOT NULL;

-- Prefix searches are written as ranges in the "C" collation ([prefix, prefix || '~')), which a btree index serves
-- whether the query plan is custom or generic. Names: on their normalised form (accents, case, spaces, hyphens
-- ignored).
CREATE INDEX demande_nom_normalise_idx ON demande ((registre_normaliser(nom) COLLATE "C"));
CREATE INDEX demande_prenoms_normalise_idx ON demande ((registre_normaliser(prenoms) COLLATE "C"));
CREATE INDEX demande_numero_prefixe_idx ON demande ((numero_unique COLLATE "C"));
CREATE INDEX demande_naissance_idx ON demande (date_naissance);
CREATE INDEX demande_territoire_depot_idx ON demande (territoire, statut, date_depot);
CREATE INDEX demande_depot_idx ON demande (date_depot);
CREATE INDEX demande_validite_idx ON demande (date_validite);
CREATE INDEX demande_communes_idx ON demande USING gin (communes);
CREATE INDEX demande_typologies_idx ON demande USING gin (typologies);
