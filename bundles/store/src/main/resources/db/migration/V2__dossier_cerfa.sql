-- Registre Hub, schema version 2: the full CERFA 14069 dossier and the register's own dates.
-- The dossier is stored whole as JSONB (it is always read and replaced whole); the fields searched or counted
-- (names, birth date, first commune and typology, NIR, territory) are also columns, written with it.

ALTER TABLE demande RENAME COLUMN prenom TO prenoms;

ALTER TABLE demande
    ADD COLUMN territoire                  CHAR(3),
    ADD COLUMN date_validite               DATE,
    ADD COLUMN date_dernier_renouvellement DATE,
    ADD COLUMN nir                         VARCHAR(15),
    ADD COLUMN dossier                     JSONB;

-- Demands written by schema version 1 (walking skeleton) get the dossier they had.
UPDATE demande
   SET territoire    = substr(numero_unique, 1, 3),
       date_validite = (date_depot + INTERVAL '1 year')::date,
       dossier       = jsonb_build_object(
           'demandeur', jsonb_build_object('nom', nom, 'prenoms', prenoms, 'dateNaissance', date_naissance),
           'logementRecherche', jsonb_build_object('typologies', jsonb_build_array(typologie),
                                                   'communes', jsonb_build_array(commune)));

ALTER TABLE demande
    ALTER COLUMN territoire SET NOT NULL,
    ALTER COLUMN date_validite SET NOT NULL,
    ALTER COLUMN dossier SET NOT NULL,
    ADD CONSTRAINT demande_territoire_ck CHECK (territoire ~ '^[0-9]{2}[0-9AB]$'),
    ADD CONSTRAINT demande_territoire_numero_ck CHECK (substr(numero_unique, 1, 3) = territoire),
    ADD CONSTRAINT demande_validite_ck CHECK (date_validite > date_depot),
    ADD CONSTRAINT demande_nir_ck CHECK (nir IS NULL OR nir ~ '^[1-478][0-9]{4}(2[AB]|[0-9]{2})[0-9]{8}$');

COMMENT ON COLUMN demande.dossier IS 'Contenu du CERFA 14069 (JSON de l''API v1).';
COMMENT ON COLUMN demande.nom IS 'Nom du demandeur (copie du dossier, pour la recherche).';
COMMENT ON COLUMN demande.commune IS 'Première commune souhaitée (copie du dossier) : elle fixe le territoire.';
COMMENT ON COLUMN demande.typologie IS 'Première typologie souhaitée (copie du dossier).';
