-- Registre Hub, schema version 1: the walking skeleton of the register.
-- Conventions: French domain names, snake_case; every rule that the database can enforce is a constraint.

CREATE TABLE demande (
    id              BIGSERIAL    PRIMARY KEY,
    numero_unique   VARCHAR(18)  NOT NULL,
    nom             VARCHAR(100) NOT NULL,
    prenom          VARCHAR(100) NOT NULL,
    date_naissance  DATE         NOT NULL,
    commune         VARCHAR(5)   NOT NULL,
    typologie       VARCHAR(10)  NOT NULL,
    guichet         VARCHAR(5)   NOT NULL,
    date_depot      DATE         NOT NULL,
    statut          VARCHAR(10)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    canal_creation  VARCHAR(10)  NOT NULL,
    cree_le         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    modifie_le      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT demande_numero_unique_uk UNIQUE (numero_unique),
    CONSTRAINT demande_numero_format_ck CHECK (numero_unique ~ '^[0-9]{2}[0-9AB][0-9]{10}(G[0-9]{4}|GDPUB)$'),
    CONSTRAINT demande_commune_ck CHECK (commune ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
    CONSTRAINT demande_guichet_ck CHECK (guichet ~ '^(G[0-9]{4}|GDPUB)$'),
    CONSTRAINT demande_statut_ck CHECK (statut IN ('ACTIVE', 'RADIEE')),
    CONSTRAINT demande_typologie_ck CHECK (typologie IN ('CHAMBRE', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6_PLUS')),
    CONSTRAINT demande_canal_ck CHECK (canal_creation IN ('REST', 'SOAP', 'ERP', 'CONSOLE', 'IMPORT', 'NATIONAL'))
);

COMMENT ON TABLE demande IS 'Demandes de logement social du territoire (une ligne par numéro unique).';
COMMENT ON COLUMN demande.date_depot IS 'Date de dépôt initial (ancienneté), conservée par les renouvellements.';

-- One counter per territory (département) and month of filing; the numéro unique sequence NNNNNN.
-- A value handed out is never handed out again: the counter only grows.
CREATE TABLE compteur_numero (
    territoire  CHAR(3)  NOT NULL,
    mois_annee  CHAR(4)  NOT NULL,
    dernier     BIGINT   NOT NULL,
    CONSTRAINT compteur_numero_pk PRIMARY KEY (territoire, mois_annee),
    CONSTRAINT compteur_numero_dernier_ck CHECK (dernier BETWEEN 1 AND 999999),
    CONSTRAINT compteur_numero_mois_ck CHECK (mois_annee ~ '^(0[1-9]|1[0-2])[0-9]{2}$')
);

-- Transactional outbox: events written in the same transaction as the change, relayed to the broker later.
CREATE TABLE outbox (
    id             BIGSERIAL    PRIMARY KEY,
    evenement_id   UUID         NOT NULL,
    type           VARCHAR(50)  NOT NULL,
    numero_unique  VARCHAR(18)  NOT NULL,
    horodatage     TIMESTAMPTZ  NOT NULL,
    contenu        JSON         NOT NULL,
    publie_le      TIMESTAMPTZ,
    CONSTRAINT outbox_evenement_uk UNIQUE (evenement_id)
);

CREATE INDEX outbox_en_attente_idx ON outbox (id) WHERE publie_le IS NULL;
