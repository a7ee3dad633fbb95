-- Registre Hub, schema version 3: life cycle (radiation, reactivation) and the history of every change.

ALTER TABLE demande
    ADD COLUMN motif_radiation VARCHAR(20),
    ADD COLUMN date_radiation  DATE,
    ADD COLUMN radiation       JSONB,
    ADD CONSTRAINT demande_motif_radiation_ck CHECK (motif_radiation IN
        ('ATTRIBUTION', 'ABANDON', 'NON_RENOUVELLEMENT', 'IRRECEVABILITE', 'NON_REPONSE')),
    ADD CONSTRAINT demande_radiee_ck CHECK ((statut = 'RADIEE') = (motif_radiation IS NOT NULL)
                                           AND (motif_radiation IS NULL) = (date_radiation IS NULL));

COMMENT ON COLUMN demande.radiation IS 'Radiation complète (JSON de l''API v1), nulle tant que la demande est active.';

-- One row per change: who, when, through which channel, which fields (before/after). Never updated nor deleted
-- by the hub (purge of radiated demands after the legal delay will remove whole demands).
CREATE TABLE demande_historique (
    id             BIGSERIAL     PRIMARY KEY,
    numero_unique  VARCHAR(18)   NOT NULL REFERENCES demande (numero_unique),
    version        BIGINT        NOT NULL,
    horodatage     TIMESTAMPTZ   NOT NULL,
    operation      VARCHAR(20)   NOT NULL,
    acteur         VARCHAR(200)  NOT NULL,
    canal          VARCHAR(10)   NOT NULL,
    changements    JSONB         NOT NULL,
    commentaire    TEXT,
    CONSTRAINT demande_historique_version_uk UNIQUE (numero_unique, version),
    CONSTRAINT demande_historique_operation_ck CHECK (operation IN
        ('ENREGISTREMENT', 'MODIFICATION', 'RENOUVELLEMENT', 'RADIATION', 'REACTIVATION')),
    CONSTRAINT demande_historique_canal_ck CHECK (canal IN ('REST', 'SOAP', 'ERP', 'CONSOLE', 'IMPORT', 'NATIONAL'))
);

-- Demands registered before this version get their registration entry.
INSERT INTO demande_historique (numero_unique, version, horodatage, operation, acteur, canal, changements)
SELECT numero_unique, 0, cree_le, 'ENREGISTREMENT', 'migration-v3', canal_creation, '[]'::jsonb
  FROM demande;
