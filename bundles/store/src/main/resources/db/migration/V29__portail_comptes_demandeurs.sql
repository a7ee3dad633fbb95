-- Applicant portal (owner: portail): applicant accounts, one-time links and codes, sessions, drafts, throttling.
--  * compte_demandeur: one account per e-mail address (lower case), bcrypt hash of the password, confirmed once by
--    the one-time link sent to the address.
--  * compte_demande: the demands an account may read and change (a demand filed online is linked to its account).
--  * jeton_portail: one-time links (CONFIRMATION of an account) and codes (CODE, sign-in with a numéro unique), kept
--    only as SHA-256; used once, before expire_le.
--  * session_portail: open sessions, kept as the SHA-256 of the cookie's token (several nodes share them); expire_le
--    moves on with each request (idle time-out).
--  * brouillon_demande: the form of a first demand as the applicant left it (field name -> values).
--  * tentative_portail: failed attempts and codes sent, per key (address, account, numéro), for the throttling.

CREATE TABLE compte_demandeur (
    id                      BIGSERIAL    PRIMARY KEY,
    email                   VARCHAR(254) NOT NULL,
    empreinte_mot_de_passe  VARCHAR(100) NOT NULL,
    cree_le                 TIMESTAMPTZ  NOT NULL DEFAULT now(),
    confirme_le             TIMESTAMPTZ,
    derniere_connexion      TIMESTAMPTZ,
    CONSTRAINT compte_demandeur_email_uk UNIQUE (email),
    CONSTRAINT compte_demandeur_email_ck CHECK (email = lower(email))
);
COMMENT ON TABLE compte_demandeur IS 'Comptes des demandeurs sur le portail (adresse confirmée par un lien unique).';

CREATE TABLE compte_demande (
    compte          BIGINT       NOT NULL REFERENCES compte_demandeur (id) ON DELETE CASCADE,
    numero_unique   VARCHAR(18)  NOT NULL,
    lie_le          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (compte, numero_unique)
);
CREATE INDEX compte_demande_numero_idx ON compte_demande (numero_unique);

CREATE TABLE jeton_portail (
    empreinte       CHAR(64)     PRIMARY KEY,
    nature          VARCHAR(12)  NOT NULL,
    compte          BIGINT       REFERENCES compte_demandeur (id) ON DELETE CASCADE,
    numero_unique   VARCHAR(18),
    cree_le         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expire_le       TIMESTAMPTZ  NOT NULL,
    utilise_le      TIMESTAMPTZ,
    CONSTRAINT jeton_portail_nature_ck CHECK (nature IN ('CONFIRMATION', 'CODE')),
    CONSTRAINT jeton_portail_objet_ck CHECK ((nature = 'CONFIRMATION') = (compte IS NOT NULL)
        AND (nature = 'CODE') = (numero_unique IS NOT NULL))
);
CREATE INDEX jeton_portail_expire_idx ON jeton_portail (expire_le);

CREATE TABLE session_portail (
    empreinte       CHAR(64)     PRIMARY KEY,
    compte          BIGINT       REFERENCES compte_demandeur (id) ON DELETE CASCADE,
    numero_unique   VARCHAR(18),
    email           VARCHAR(254) NOT NULL,
    ouverte_le      TIMESTAMPTZ  NOT NULL,
    expire_le       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT session_portail_objet_ck CHECK ((compte IS NULL) <> (numero_unique IS NULL))
);
CREATE INDEX session_portail_expire_idx ON session_portail (expire_le);

CREATE TABLE brouillon_demande (
    compte          BIGINT       PRIMARY KEY REFERENCES compte_demandeur (id) ON DELETE CASCADE,
    valeurs         JSONB        NOT NULL,
    modifie_le      TIMESTAMPTZ  NOT NULL
);

CREATE TABLE tentative_portail (
    cle             VARCHAR(300) NOT NULL,
    horodatage      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX tentative_portail_cle_idx ON tentative_portail (cle, horodatage);
CREATE INDEX tentative_portail_horodatage_idx ON tentative_portail (horodatage);
