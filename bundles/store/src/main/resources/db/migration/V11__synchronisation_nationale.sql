-- Synchronization with the national register.
--  * outbox.national_le / national_refus: each event is sent to the national register once, in the order of the
--    outbox, independently of its relay to the broker (publie_le). Events written before this migration are not
--    sent: the reconciliation compares the whole stock with the national side instead.
--  * synchro_nationale: one row per task (sending, pulls, reconciliation): last success/failure and the lease that
--    makes a task run on one hub node at a time; synchro_nationale_curseur: how far a pull has read the national
--    list of a territory (the national timestamp of the last element applied).
--  * doublon_national, recours_dalo: what the national register reported about the territory's demands.
--  * rapport_reconciliation: the reconciliation reports, newest last.

ALTER TABLE outbox ADD COLUMN national_le TIMESTAMPTZ;
ALTER TABLE outbox ADD COLUMN national_refus TEXT;
UPDATE outbox SET national_le = COALESCE(publie_le, now());
CREATE INDEX outbox_national_en_attente_idx ON outbox (id) WHERE national_le IS NULL;
CREATE INDEX outbox_national_refus_idx ON outbox (id) WHERE national_refus IS NOT NULL;

CREATE TABLE synchro_nationale (
    tache              VARCHAR(20)  PRIMARY KEY,
    derniere_reussite  TIMESTAMPTZ,
    dernier_echec      TIMESTAMPTZ,
    derniere_erreur    TEXT,
    bilan              TEXT,
    bail_noeud         VARCHAR(200),
    bail_jusqua        TIMESTAMPTZ,
    CONSTRAINT synchro_nationale_tache_ck CHECK (tache IN ('ENVOI', 'RADIATIONS', 'DOUBLONS', 'DALO',
                                                           'RECONCILIATION'))
);
INSERT INTO synchro_nationale (tache) VALUES ('ENVOI'), ('RADIATIONS'), ('DOUBLONS'), ('DALO'), ('RECONCILIATION');

CREATE TABLE synchro_nationale_curseur (
    tache       VARCHAR(20)  NOT NULL REFERENCES synchro_nationale (tache),
    territoire  VARCHAR(3)   NOT NULL,
    curseur     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tache, territoire)
);

CREATE TABLE doublon_national (
    numero_unique   VARCHAR(18)  NOT NULL REFERENCES demande (numero_unique),
    numero_doublon  VARCHAR(18)  NOT NULL,
    critere         VARCHAR(40)  NOT NULL,
    signale_le      TIMESTAMPTZ  NOT NULL,
    recu_le         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (numero_unique, numero_doublon)
);

CREATE TABLE recours_dalo (
    numero_unique  VARCHAR(18)  NOT NULL REFERENCES demande (numero_unique),
    date_recours   DATE         NOT NULL,
    decision       VARCHAR(30),
    origine        VARCHAR(200) NOT NULL,
    signale_le     TIMESTAMPTZ  NOT NULL,
    recu_le        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (numero_unique, date_recours, origine),
    CONSTRAINT recours_dalo_decision_ck CHECK (decision IS NULL OR decision IN ('PRIORITAIRE_URGENT', 'REJET'))
);

CREATE TABLE rapport_reconciliation (
    id        BIGSERIAL    PRIMARY KEY,
    debut     TIMESTAMPTZ  NOT NULL,
    fin       TIMESTAMPTZ  NOT NULL,
    ecarts    INTEGER      NOT NULL,
    corriges  INTEGER      NOT NULL,
    texte     TEXT         NOT NULL
);
