-- Statistics at national scale: what the Infocentre reads, kept small and up to date.
--  * stat_mouvement gets the renewals (nature RENOUVELLEMENT, no effect on the stock) for the monthly series, and a
--    flag `agrege` telling whether the movement is already counted in the daily rollup.
--  * stat_flux_jour: the movements by day, département, guichet, nature and reason (changes of commune are never
--    movements at those levels), and stat_flux_mois: the same by month and département only (a hundred départements
--    × a few natures a month: a table of years reads in a few thousand rows). Refreshed incrementally by
--    stat_rafraichir(): the movements not yet counted are flagged and added to both in one statement. A reader adds
--    the movements still unflagged in the same statement, so a figure is exact whether the rollup is up to date or
--    not.
--  * stat_demande: one narrow row per demand with the dimensions of the breakdowns (typology, household, birth date,
--    tax income, mutation, filing date, radiation) and its quality defects, kept by a trigger in the transaction of
--    each change of the demand; stat_stock: the pending demands by département for the breakdowns that do not
--    depend on the day.

ALTER TABLE stat_mouvement ADD COLUMN agrege BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE stat_mouvement ALTER COLUMN agrege SET DEFAULT false;
ALTER TABLE stat_mouvement DROP CONSTRAINT stat_mouvement_nature_ck;
ALTER TABLE stat_mouvement ADD CONSTRAINT stat_mouvement_nature_ck CHECK (nature IN
    ('ENTREE', 'SORTIE', 'RETOUR', 'TRANSFERT_SORTANT', 'TRANSFERT_ENTRANT', 'RENOUVELLEMENT'));
CREATE INDEX stat_mouvement_a_agreger_idx ON stat_mouvement (id) WHERE NOT agrege;

COMMENT ON COLUMN stat_mouvement.agrege IS 'Déjà compté dans stat_flux_jour (les changements de commune n''y sont jamais).';

-- the renewals of the history written before this version (already counted: the rollup is built from them below)
INSERT INTO stat_mouvement (numero_unique, jour, nature, territoire, commune, guichet, agrege)
SELECT h.numero_unique, (h.horodatage AT TIME ZONE 'Europe/Paris')::date, 'RENOUVELLEMENT', d.territoire, d.commune,
       d.guichet, true
  FROM demande_historique h JOIN demande d ON d.numero_unique = h.numero_unique
 WHERE h.operation = 'RENOUVELLEMENT'
 ORDER BY h.id;

CREATE OR REPLACE FUNCTION stat_mouvement_historique() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d         RECORD;
    le_jour   DATE := (NEW.horodatage AT TIME ZONE 'Europe/Paris')::date;
    derniere  VARCHAR(5);
BEGIN
    SELECT statut, motif_radiation, territoire, commune, guichet INTO d
      FROM demande WHERE numero_unique = NEW.numero_unique;
    UPDATE stat_demande SET derniere_activite = le_jour
     WHERE numero_unique = NEW.numero_unique AND derniere_activite < le_jour;
    IF NEW.operation = 'ENREGISTREMENT' THEN
        INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
        VALUES (NEW.numero_unique, le_jour, 'ENTREE', NULL, d.territoire, d.commune, d.guichet);
        IF d.statut = 'RADIEE' THEN
            -- an extract's demand already radiated in its departmental file: it enters and leaves at once
            INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
            VALUES (NEW.numero_unique, le_jour, 'SORTIE', d.motif_radiation, d.territoire, d.commune, d.guichet);
        END IF;
    ELSIF NEW.operation = 'RADIATION' THEN
        INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
        VALUES (NEW.numero_unique, le_jour, 'SORTIE', d.motif_radiation, d.territoire, d.commune, d.guichet);
    ELSIF NEW.operation = 'REACTIVATION' THEN
        INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
        VALUES (NEW.numero_unique, le_jour, 'RETOUR', NULL, d.territoire, d.commune, d.guichet);
    ELSIF NEW.operation IN ('MODIFICATION', 'RENOUVELLEMENT') AND d.statut = 'ACTIVE' THEN
        SELECT commune INTO derniere FROM stat_mouvement
         WHERE numero_unique = NEW.numero_unique ORDER BY id DESC LIMIT 1;
        IF derniere IS NOT NULL AND derniere <> d.commune THEN
            -- never in the daily rollup: a change of commune is no movement of a département or a guichet
            INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet,
                                        commune_autre, agrege)
            VALUES (NEW.numero_unique, le_jour, 'TRANSFERT_SORTANT', NULL, d.territoire, derniere, d.guichet,
                    d.commune, true),
                   (NEW.numero_unique, le_jour, 'TRANSFERT_ENTRANT', NULL, d.territoire, d.commune, d.guichet,
                    derniere, true);
        END IF;
        IF NEW.operation = 'RENOUVELLEMENT' THEN
            INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
            VALUES (NEW.numero_unique, le_jour, 'RENOUVELLEMENT', NULL, d.territoire, d.commune, d.guichet);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TABLE stat_flux_jour (
    territoire  CHAR(3)      NOT NULL,
    jour        DATE         NOT NULL,
    guichet     VARCHAR(5)   NOT NULL,
    nature      VARCHAR(20)  NOT NULL,
    motif       VARCHAR(20)  NOT NULL,
    n           BIGINT       NOT NULL,
    CONSTRAINT stat_flux_jour_pk PRIMARY KEY (territoire, jour, guichet, nature, motif),
    CONSTRAINT stat_flux_jour_nature_ck CHECK (nature IN ('ENTREE', 'SORTIE', 'RETOUR', 'RENOUVELLEMENT'))
);
CREATE INDEX stat_flux_jour_jour_idx ON stat_flux_jour (jour);
COMMENT ON TABLE stat_flux_jour IS
    'Mouvements du stock comptés par jour, département, guichet, nature et motif (motif vide hors radiation).';

CREATE TABLE stat_flux_mois (
    territoire  CHAR(3)      NOT NULL,
    mois        DATE         NOT NULL,
    nature      VARCHAR(20)  NOT NULL,
    motif       VARCHAR(20)  NOT NULL,
    n           BIGINT       NOT NULL,
    CONSTRAINT stat_flux_mois_pk PRIMARY KEY (territoire, mois, nature, motif),
    CONSTRAINT stat_flux_mois_premier_ck CHECK (extract(day FROM mois) = 1),
    CONSTRAINT stat_flux_mois_nature_ck CHECK (nature IN ('ENTREE', 'SORTIE', 'RETOUR', 'RENOUVELLEMENT'))
);
COMMENT ON TABLE stat_flux_mois IS
    'Mouvements du stock comptés par mois (premier jour), département, nature et motif.';

INSERT INTO stat_flux_jour (territoire, jour, guichet, nature, motif, n)
SELECT territoire, jour, guichet, nature, coalesce(motif, ''), count(*)
  FROM stat_mouvement WHERE commune_autre IS NULL
 GROUP BY 1, 2, 3, 4, 5;
INSERT INTO stat_flux_mois (territoire, mois, nature, motif, n)
SELECT territoire, date_trunc('month', jour)::date, nature, motif, sum(n)
  FROM stat_flux_jour
 GROUP BY 1, 2, 3, 4;


-- The dimensions of a demand, from its row and its dossier (API v1 JSON), and its data-quality defects that depend
-- on it alone, one bit each (IndicateurQualite): 1 no resource line, 2 no tax income N-2, 4 a resource without amount,
-- 8 no NIR, 16 no email, 32 no phone, 64 incomplete address, 128 first commune outside the département or impossible,
-- 256 no professional situation, 512 no current housing, 1024 no motive. derniere_activite: the day of the demand's
-- last history entry (kept by the history's trigger; its registration day here).
CREATE VIEW stat_demande_source AS
SELECT d.numero_unique, d.statut, d.territoire, d.commune, d.guichet, d.typologie,
       coalesce(jsonb_typeof(d.dossier->'coDemandeur') = 'object', false) AS co_demandeur,
       CASE WHEN jsonb_typeof(d.dossier->'personnesACharge') = 'array'
            THEN jsonb_array_length(d.dossier->'personnesACharge') ELSE 0 END AS personnes_a_charge,
       d.date_naissance,
       CASE WHEN jsonb_typeof(d.dossier->'revenuFiscal'->'anneeN2') = 'number'
            THEN (d.dossier->'revenuFiscal'->>'anneeN2')::numeric::bigint END AS revenu_fiscal,
       coalesce(d.dossier->'logementActuel'->>'statut' = 'LOCATAIRE_HLM', false) AS mutation,
       d.date_depot, d.date_validite, d.motif_radiation, d.date_radiation,
       (CASE WHEN (CASE WHEN jsonb_typeof(d.dossier->'ressources') = 'array'
                        THEN jsonb_array_length(d.dossier->'ressources') ELSE 0 END) = 0 THEN 1 ELSE 0 END)
       | (CASE WHEN jsonb_typeof(d.dossier->'revenuFiscal'->'anneeN2') IS DISTINCT FROM 'number' THEN 2 ELSE 0 END)
       | (CASE WHEN jsonb_path_exists(d.dossier, '$.ressources[*] ? (!(exists(@.montantMensuel))
                                       || @.montantMensuel == null || @.montantMensuel == 0)') THEN 4 ELSE 0 END)
       | (CASE WHEN d.nir IS NULL THEN 8 ELSE 0 END)
       | (CASE WHEN nullif(btrim(d.dossier->'contact'->>'email'), '') IS NULL THEN 16 ELSE 0 END)
       | (CASE WHEN nullif(btrim(d.dossier->'contact'->>'telephone'), '') IS NULL THEN 32 ELSE 0 END)
       | (CASE WHEN nullif(btrim(d.dossier->'contact'->>'adresse'), '') IS NULL
                 OR nullif(btrim(d.dossier->'contact'->>'codePostal'), '') IS NULL
                 OR nullif(btrim(d.dossier->'contact'->>'ville'), '') IS NULL THEN 64 ELSE 0 END)
       | (CASE WHEN d.commune LIKE '%000'
                 OR CASE WHEN d.commune LIKE '97%' THEN substr(d.commune, 1, 3)
                         WHEN d.commune ~ '^2[AB]' THEN '02' || substr(d.commune, 2, 1)
                         ELSE '0' || substr(d.commune, 1, 2) END <> d.territoire THEN 128 ELSE 0 END)
       | (CASE WHEN d.dossier->'demandeur'->>'situationProfessionnelle' IS NULL THEN 256 ELSE 0 END)
       | (CASE WHEN d.dossier->'logementActuel'->>'statut' IS NULL THEN 512 ELSE 0 END)
       | (CASE WHEN (CASE WHEN jsonb_typeof(d.dossier->'motifs') = 'array'
                          THEN jsonb_array_length(d.dossier->'motifs') ELSE 0 END) = 0 THEN 1024 ELSE 0 END)
           AS defauts,
       d.date_depot AS derniere_activite
  FROM demande d;

CREATE TABLE stat_demande (
    numero_unique       VARCHAR(18)  PRIMARY KEY,
    statut              VARCHAR(10)  NOT NULL,
    territoire          CHAR(3)      NOT NULL,
    commune             VARCHAR(5)   NOT NULL,
    guichet             VARCHAR(5)   NOT NULL,
    typologie           VARCHAR(10)  NOT NULL,
    co_demandeur        BOOLEAN      NOT NULL,
    personnes_a_charge  INTEGER      NOT NULL,
    date_naissance      DATE         NOT NULL,
    revenu_fiscal       BIGINT,
    mutation            BOOLEAN      NOT NULL,
    date_depot          DATE         NOT NULL,
    date_validite       DATE         NOT NULL,
    motif_radiation     VARCHAR(20),
    date_radiation      DATE,
    defauts             INTEGER      NOT NULL,
    derniere_activite   DATE         NOT NULL
);
CREATE INDEX stat_demande_active_idx ON stat_demande (territoire) WHERE statut = 'ACTIVE';
CREATE INDEX stat_demande_attribution_idx ON stat_demande (date_radiation) WHERE motif_radiation = 'ATTRIBUTION';
COMMENT ON TABLE stat_demande IS 'Dimensions statistiques de chaque demande (sans donnée nominative), tenues par trigger.';

INSERT INTO stat_demande SELECT * FROM stat_demande_source;
UPDATE stat_demande s SET derniere_activite = h.jour
  FROM (SELECT numero_unique, max((horodatage AT TIME ZONE 'Europe/Paris')::date) AS jour
          FROM demande_historique GROUP BY 1) h
 WHERE h.numero_unique = s.numero_unique AND h.jour > s.derniere_activite;

-- The breakdowns of the pending demands that do not depend on the day (typology, household size, composition,
-- mutation) counted by département, so that a national table by région or département reads a few hundred rows:
--  * stat_stock: pending demands by département, dimension and modality;
--  * stat_stock_ecart: the changes not yet counted there (+1 / -1), written by the trigger of the statistical row in
--    the transaction of the change; stat_rafraichir() folds them into stat_stock, and a reader adds those still
--    pending in the same statement. A demand's modalities are given by the functions below, which the store's
--    queries use too.

CREATE FUNCTION stat_taille_menage(co_demandeur BOOLEAN, personnes_a_charge INTEGER) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN 1 + co_demandeur::int + personnes_a_charge >= 6 THEN '6+'
                ELSE (1 + co_demandeur::int + personnes_a_charge)::text END
$$;

CREATE FUNCTION stat_composition(co_demandeur BOOLEAN, personnes_a_charge INTEGER) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN co_demandeur AND personnes_a_charge > 0 THEN 'DEUX_DEMANDEURS_AVEC_PERSONNES_A_CHARGE'
                WHEN co_demandeur THEN 'DEUX_DEMANDEURS_SANS_PERSONNE_A_CHARGE'
                WHEN personnes_a_charge > 0 THEN 'SEUL_AVEC_PERSONNES_A_CHARGE'
                ELSE 'PERSONNE_SEULE' END
$$;

CREATE FUNCTION stat_mutation(mutation BOOLEAN) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN mutation THEN 'MUTATION' ELSE 'HORS_MUTATION' END
$$;

CREATE TABLE stat_stock (
    territoire  CHAR(3)      NOT NULL,
    dimension   VARCHAR(20)  NOT NULL,
    modalite    VARCHAR(60)  NOT NULL,
    n           BIGINT       NOT NULL,
    CONSTRAINT stat_stock_pk PRIMARY KEY (dimension, territoire, modalite),
    CONSTRAINT stat_stock_dimension_ck CHECK (dimension IN ('TYPOLOGIE', 'TAILLE_MENAGE', 'COMPOSITION', 'MUTATION'))
);
COMMENT ON TABLE stat_stock IS 'Demandes en attente par département, dimension et modalité (hors écarts en attente).';

-- written on every change that moves a count, read whole and emptied by the fold: no index to maintain
CREATE TABLE stat_stock_ecart (
    territoire  CHAR(3)      NOT NULL,
    dimension   VARCHAR(20)  NOT NULL,
    modalite    VARCHAR(60)  NOT NULL,
    n           INTEGER      NOT NULL
);

-- The four rows of a demand in stat_stock, with a sign.
CREATE FUNCTION stat_stock_ecart_demande(s stat_demande, signe INTEGER) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO stat_stock_ecart (territoire, dimension, modalite, n) VALUES
        (s.territoire, 'TYPOLOGIE', s.typologie, signe),
        (s.territoire, 'TAILLE_MENAGE', stat_taille_menage(s.co_demandeur, s.personnes_a_charge), signe),
        (s.territoire, 'COMPOSITION', stat_composition(s.co_demandeur, s.personnes_a_charge), signe),
        (s.territoire, 'MUTATION', stat_mutation(s.mutation), signe)
$$;

-- Counts every pending demand again (migration, bulk loads).
CREATE FUNCTION stat_stock_reconstruire() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    lignes BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('stat_rafraichir'));
    DELETE FROM stat_stock_ecart;
    DELETE FROM stat_stock;
    INSERT INTO stat_stock (territoire, dimension, modalite, n)
    SELECT territoire, 'TYPOLOGIE', typologie, count(*) FROM stat_demande WHERE statut = 'ACTIVE' GROUP BY 1, 3
    UNION ALL
    SELECT territoire, 'TAILLE_MENAGE', stat_taille_menage(co_demandeur, personnes_a_charge), count(*)
      FROM stat_demande WHERE statut = 'ACTIVE' GROUP BY 1, 3
    UNION ALL
    SELECT territoire, 'COMPOSITION', stat_composition(co_demandeur, personnes_a_charge), count(*)
      FROM stat_demande WHERE statut = 'ACTIVE' GROUP BY 1, 3
    UNION ALL
    SELECT territoire, 'MUTATION', stat_mutation(mutation), count(*) FROM stat_demande WHERE statut = 'ACTIVE'
     GROUP BY 1, 3;
    GET DIAGNOSTICS lignes = ROW_COUNT;
    RETURN lignes;
END;
$$;

SELECT stat_stock_reconstruire();

CREATE FUNCTION stat_demande_maj() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ancien   stat_demande%ROWTYPE;
    nouveau  stat_demande%ROWTYPE;
    avant    BOOLEAN;
BEGIN
    SELECT * INTO ancien FROM stat_demande WHERE numero_unique = coalesce(NEW.numero_unique, OLD.numero_unique);
    avant := FOUND AND ancien.statut = 'ACTIVE';
    IF TG_OP = 'DELETE' THEN
        DELETE FROM stat_demande WHERE numero_unique = OLD.numero_unique;
        IF avant THEN
            PERFORM stat_stock_ecart_demande(ancien, -1);
        END IF;
        RETURN NULL;
    END IF;
    -- derniere_activite is the history's: left as it is
    INSERT INTO stat_demande SELECT * FROM stat_demande_source WHERE numero_unique = NEW.numero_unique
    ON CONFLICT (numero_unique) DO UPDATE SET
        statut = EXCLUDED.statut, territoire = EXCLUDED.territoire, commune = EXCLUDED.commune,
        guichet = EXCLUDED.guichet, typologie = EXCLUDED.typologie, co_demandeur = EXCLUDED.co_demandeur,
        personnes_a_charge = EXCLUDED.personnes_a_charge, date_naissance = EXCLUDED.date_naissance,
        revenu_fiscal = EXCLUDED.revenu_fiscal, mutation = EXCLUDED.mutation, date_depot = EXCLUDED.date_depot,
        date_validite = EXCLUDED.date_validite, motif_radiation = EXCLUDED.motif_radiation,
        date_radiation = EXCLUDED.date_radiation, defauts = EXCLUDED.defauts
    RETURNING * INTO nouveau;
    -- the stock's counts move only when the demand enters, leaves, or changes a counted modality
    IF avant AND nouveau.statut = 'ACTIVE' AND ancien.territoire = nouveau.territoire
       AND ancien.typologie = nouveau.typologie AND ancien.co_demandeur = nouveau.co_demandeur
       AND ancien.personnes_a_charge = nouveau.personnes_a_charge AND ancien.mutation = nouveau.mutation THEN
        RETURN NULL;
    END IF;
    IF avant THEN
        PERFORM stat_stock_ecart_demande(ancien, -1);
    END IF;
    IF nouveau.statut = 'ACTIVE' THEN
        PERFORM stat_stock_ecart_demande(nouveau, 1);
    END IF;
    RETURN NULL;
END;
$$;

-- Adds the movements not yet counted to the rollups and folds the stock's changes; returns how many movements. One
-- node at a time (the others return 0 at once: their readers count what is pending themselves).
CREATE FUNCTION stat_rafraichir() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    comptes BIGINT;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('stat_rafraichir')) THEN
        RETURN 0;
    END IF;
    WITH ecarts AS (
        DELETE FROM stat_stock_ecart RETURNING territoire, dimension, modalite, n
    )
    INSERT INTO stat_stock AS s (territoire, dimension, modalite, n)
    SELECT territoire, dimension, modalite, sum(n) FROM ecarts GROUP BY 1, 2, 3
    ON CONFLICT (dimension, territoire, modalite) DO UPDATE SET n = s.n + EXCLUDED.n;
    WITH lot AS (
        UPDATE stat_mouvement SET agrege = true WHERE NOT agrege
        RETURNING territoire, jour, guichet, nature, coalesce(motif, '') AS motif
    ), par_jour AS (
        INSERT INTO stat_flux_jour AS s (territoire, jour, guichet, nature, motif, n)
        SELECT territoire, jour, guichet, nature, motif, count(*) FROM lot GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (territoire, jour, guichet, nature, motif) DO UPDATE SET n = s.n + EXCLUDED.n
    ), par_mois AS (
        INSERT INTO stat_flux_mois AS s (territoire, mois, nature, motif, n)
        SELECT territoire, date_trunc('month', jour)::date, nature, motif, count(*) FROM lot GROUP BY 1, 2, 3, 4
        ON CONFLICT (territoire, mois, nature, motif) DO UPDATE SET n = s.n + EXCLUDED.n
    )
    SELECT count(*) INTO comptes FROM lot;
    RETURN comptes;
END;
$$;

CREATE TRIGGER stat_demande_maj AFTER INSERT OR UPDATE OR DELETE ON demande
    FOR EACH ROW EXECUTE FUNCTION stat_demande_maj();
