-- Attribution (owner: attribution): the candidates designated for an offered dwelling, up to three, ranked, by its
-- landlord, its réservataire or a gestionnaire; fewer than three only with a recorded reason. A candidature keeps its
-- outcome (the CAL's decision, the applicant's refusal, the lease). The demand's follow-up (suivi_attribution) gets a
-- PROPOSITION line for each, in the same transaction.

ALTER TABLE logement_offert
    ADD COLUMN motif_moins_de_trois VARCHAR(30),
    ADD CONSTRAINT logement_motif_moins_de_trois_ck CHECK (motif_moins_de_trois IN ('DEMANDE_INSUFFISANTE', 'DALO'));

CREATE TABLE candidature (
    id             BIGSERIAL     PRIMARY KEY,
    logement_id    BIGINT        NOT NULL REFERENCES logement_offert (id),
    numero_unique  VARCHAR(18)   NOT NULL REFERENCES demande (numero_unique),
    rang           SMALLINT      NOT NULL,
    designe_par    VARCHAR(20)   NOT NULL,
    statut         VARCHAR(30)   NOT NULL,
    acteur         VARCHAR(200)  NOT NULL,
    canal          VARCHAR(10)   NOT NULL,
    cree_le        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    modifie_le     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT candidature_rang_ck CHECK (rang BETWEEN 1 AND 3),
    CONSTRAINT candidature_statut_ck CHECK (statut IN ('PROPOSEE', 'ATTRIBUEE', 'ATTRIBUEE_CLASSEMENT',
        'ATTRIBUEE_SOUS_CONDITION', 'NON_ATTRIBUEE', 'IRRECEVABLE', 'RENONCEE', 'BAIL_SIGNE', 'ANNULEE'))
);
-- a rank and a demand once per dwelling, among the candidatures that still count
CREATE UNIQUE INDEX candidature_rang_uk ON candidature (logement_id, rang) WHERE statut NOT IN ('ANNULEE', 'RENONCEE');
CREATE UNIQUE INDEX candidature_demande_uk ON candidature (logement_id, numero_unique) WHERE statut <> 'ANNULEE';
CREATE INDEX candidature_numero_idx ON candidature (numero_unique, statut);

COMMENT ON TABLE candidature IS 'Candidats désignés pour un logement offert (trois au plus, classés) et leur issue.';
