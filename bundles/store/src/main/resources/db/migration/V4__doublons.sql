-- Registre Hub, schema version 4: duplicate detection and accent/case-insensitive name search.

-- Normalised form of a name: lower case, accents and ligatures folded, anything but letters removed
-- ("Le Goff-Éléonore" -> "legoffeleonore"). Immutable, so that it can be indexed.
CREATE FUNCTION registre_normaliser(texte text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT regexp_replace(
           translate(lower(replace(replace(replace(replace(texte, 'Œ', 'oe'), 'œ', 'oe'), 'Æ', 'ae'), 'æ', 'ae')),
                     'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ',
                     'aaaaaaceeeeiiiinooooouuuuyy'),
           '[^a-z]', '', 'g')
$$;

-- Identity of the applicant: normalised family name and first first-name (with the birth date, column
-- date_naissance, it identifies a person for the duplicate check).
ALTER TABLE demande
    ADD COLUMN identite TEXT GENERATED ALWAYS AS
        (registre_normaliser(nom) || '|' || registre_normaliser(split_part(prenoms, ' ', 1))) STORED;

CREATE INDEX demande_identite_active_idx ON demande (identite, date_naissance) WHERE statut = 'ACTIVE';
CREATE INDEX demande_nir_active_idx ON demande (nir) WHERE statut = 'ACTIVE' AND nir IS NOT NULL;
