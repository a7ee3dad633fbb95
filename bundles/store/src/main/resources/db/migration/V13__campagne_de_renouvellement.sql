-- The renewal campaign.
--  * campagne_renouvellement: one campaign a day, held by one hub node at a time (lease renewed as it goes: another
--    node resumes it only once the lease is over).
--  * avis_renouvellement: every notice: renewal notices (AVIS, by email or letter) and traceable letters of the
--    non-response procedure (NON_REPONSE). The database refuses a second renewal notice for the same demand and end of
--    validity, and a second open non-response procedure for a demand: whatever the nodes do, nobody gets a notice twice.
--  * lot_courrier: the print-ready PDF letter batches, one per guichet, nature and campaign.
--  * campagne_radiation: the radiations a campaign made (its report).
--  * jeton_renouvellement: the one-time links of the email notices (only the SHA-256 of the token is kept).
--  * two channels more: CAMPAGNE (the campaign's radiations) and EN_LIGNE (the applicant, through the link).

CREATE TABLE campagne_renouvellement (
    id           BIGSERIAL    PRIMARY KEY,
    jour         DATE         NOT NULL,
    etat         VARCHAR(10)  NOT NULL DEFAULT 'EN_COURS',
    noeud        VARCHAR(200) NOT NULL,
    bail_jusqua  TIMESTAMPTZ  NOT NULL,
    debut        TIMESTAMPTZ  NOT NULL,
    fin          TIMESTAMPTZ,
    incertains   BIGINT       NOT NULL DEFAULT 0,
    echecs       BIGINT       NOT NULL DEFAULT 0,
    erreur       TEXT,
    CONSTRAINT campagne_jour_uk UNIQUE (jour),
    CONSTRAINT campagne_etat_ck CHECK (etat IN ('EN_COURS', 'TERMINEE'))
);

CREATE TABLE avis_renouvellement (
    id               BIGSERIAL    PRIMARY KEY,
    numero_unique    VARCHAR(18)  NOT NULL REFERENCES demande (numero_unique),
    nature           VARCHAR(12)  NOT NULL,
    canal            VARCHAR(10)  NOT NULL,
    guichet          VARCHAR(5)   NOT NULL,
    fin_validite     DATE         NOT NULL,
    version_demande  BIGINT       NOT NULL,
    etat             VARCHAR(10)  NOT NULL DEFAULT 'A_ENVOYER',
    campagne_id      BIGINT       REFERENCES campagne_renouvellement (id),
    cree             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    date_envoi       DATE,
    fichier          TEXT,
    objet            VARCHAR(500),
    courriel_refuse  BOOLEAN      NOT NULL DEFAULT false,
    CONSTRAINT avis_nature_ck CHECK (nature IN ('AVIS', 'NON_REPONSE')),
    CONSTRAINT avis_canal_ck CHECK (canal IN ('EMAIL', 'COURRIER')),
    CONSTRAINT avis_etat_ck CHECK (etat IN ('A_ENVOYER', 'ENVOYE', 'INCERTAIN', 'REPONDU', 'CLOS')),
    CONSTRAINT avis_envoi_ck CHECK ((etat = 'A_ENVOYER') = (date_envoi IS NULL)),
    CONSTRAINT avis_non_reponse_ck CHECK (nature = 'AVIS' OR (canal = 'COURRIER' AND objet IS NOT NULL))
);
CREATE UNIQUE INDEX avis_un_par_validite_uk ON avis_renouvellement (numero_unique, fin_validite) WHERE nature = 'AVIS';
CREATE UNIQUE INDEX avis_non_reponse_ouverte_uk ON avis_renouvellement (numero_unique)
    WHERE nature = 'NON_REPONSE' AND etat IN ('A_ENVOYER', 'ENVOYE');
CREATE INDEX avis_a_envoyer_idx ON avis_renouvellement (canal, guichet, nature) WHERE etat = 'A_ENVOYER';
CREATE INDEX avis_campagne_idx ON avis_renouvellement (campagne_id);
CREATE INDEX avis_non_reponse_envoyee_idx ON avis_renouvellement (date_envoi)
    WHERE nature = 'NON_REPONSE' AND etat = 'ENVOYE';

COMMENT ON COLUMN avis_renouvellement.version_demande IS
    'Version de la demande à l''envoi : une demande qui a changé depuis a répondu au courrier (procédure NON_REPONSE).';
COMMENT ON COLUMN avis_renouvellement.etat IS
    'A_ENVOYER, ENVOYE, INCERTAIN (envoi interrompu : jamais renvoyé), REPONDU, CLOS (procédure finie par une radiation)';

CREATE TABLE lot_courrier (
    campagne_id       BIGINT        NOT NULL REFERENCES campagne_renouvellement (id),
    guichet           VARCHAR(5)    NOT NULL,
    nature            VARCHAR(12)   NOT NULL,
    fichier           TEXT          NOT NULL,
    lettres           INTEGER       NOT NULL,
    affranchissement  NUMERIC(12,2) NOT NULL,
    PRIMARY KEY (campagne_id, fichier),
    CONSTRAINT lot_nature_ck CHECK (nature IN ('AVIS', 'NON_REPONSE'))
);

CREATE TABLE campagne_radiation (
    campagne_id    BIGINT       NOT NULL REFERENCES campagne_renouvellement (id),
    numero_unique  VARCHAR(18)  NOT NULL,
    motif          VARCHAR(20)  NOT NULL,
    guichet        VARCHAR(5)   NOT NULL,
    PRIMARY KEY (campagne_id, numero_unique)
);

CREATE TABLE jeton_renouvellement (
    empreinte      CHAR(64)     PRIMARY KEY,
    avis_id        BIGINT       NOT NULL REFERENCES avis_renouvellement (id),
    numero_unique  VARCHAR(18)  NOT NULL,
    expire         TIMESTAMPTZ  NOT NULL,
    utilise        TIMESTAMPTZ
);

ALTER TABLE demande DROP CONSTRAINT demande_canal_ck,
    ADD CONSTRAINT demande_canal_ck
        CHECK (canal_creation IN ('REST', 'SOAP', 'ERP', 'CONSOLE', 'IMPORT', 'NATIONAL', 'CAMPAGNE', 'EN_LIGNE'));
ALTER TABLE demande_historique DROP CONSTRAINT demande_historique_canal_ck,
    ADD CONSTRAINT demande_historique_canal_ck
        CHECK (canal IN ('REST', 'SOAP', 'ERP', 'CONSOLE', 'IMPORT', 'NATIONAL', 'CAMPAGNE', 'EN_LIGNE'));

-- the landlord ERPs (as services enregistreurs) renew demands by message too
ALTER TABLE message_erp DROP CONSTRAINT message_erp_type_ck,
    ADD CONSTRAINT message_erp_type_ck CHECK (type IN
        ('enregistrerDemande', 'proposition', 'decisionCal', 'bailSigne', 'renonciation', 'renouvellement'));
