-- Attribution (owner: attribution): the applicant is told of a proposal (designated as a candidate for a dwelling)
-- and of the commission's decision on it, once each, by e-mail when the demand has one, otherwise by a letter in the
-- day's batch.
--  * notification_candidature: one row per candidature and nature (PROPOSITION, DECISION), written by triggers on
--    candidature in the transaction that designates or decides — whichever channel did it (REST, console, an ERP's
--    proposition or decisionCal) —; the unique key makes it once.
--  * the sender (NotificationsService, route notification-candidats) claims the rows still to send (FOR UPDATE SKIP
--    LOCKED: several nodes share the work, none sends a row twice), sends them and marks them ENVOYEE in the same
--    transaction, with an audit line; an e-mail address refused by the server sends the row by letter instead.

CREATE TABLE notification_candidature (
    id              BIGSERIAL     PRIMARY KEY,
    candidature_id  BIGINT        NOT NULL REFERENCES candidature (id),
    numero_unique   VARCHAR(18)   NOT NULL,
    nature          VARCHAR(12)   NOT NULL,
    decision        VARCHAR(30),
    canal           VARCHAR(10)   NOT NULL,
    etat            VARCHAR(10)   NOT NULL DEFAULT 'A_ENVOYER',
    cree_le         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    envoyee_le      TIMESTAMPTZ,
    lot             VARCHAR(100),
    observation     TEXT,
    CONSTRAINT notification_candidature_uk UNIQUE (candidature_id, nature),
    CONSTRAINT notification_nature_ck CHECK (nature IN ('PROPOSITION', 'DECISION')),
    CONSTRAINT notification_canal_ck CHECK (canal IN ('EMAIL', 'COURRIER')),
    CONSTRAINT notification_etat_ck CHECK (etat IN ('A_ENVOYER', 'ENVOYEE')),
    CONSTRAINT notification_envoyee_ck CHECK ((etat = 'ENVOYEE') = (envoyee_le IS NOT NULL)),
    CONSTRAINT notification_decision_ck CHECK ((nature = 'DECISION') = (decision IS NOT NULL))
);
CREATE INDEX notification_a_envoyer_idx ON notification_candidature (canal, id) WHERE etat = 'A_ENVOYER';
CREATE INDEX notification_numero_idx ON notification_candidature (numero_unique, id);

COMMENT ON TABLE notification_candidature IS
    'Information du demandeur : proposition d''un logement et décision de la commission, une fois chacune.';

CREATE FUNCTION notification_canal(numero VARCHAR) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN nullif(btrim(d.dossier->'contact'->>'email'), '') IS NOT NULL THEN 'EMAIL' ELSE 'COURRIER' END
      FROM demande d WHERE d.numero_unique = numero
$$;

CREATE FUNCTION notification_candidature() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO notification_candidature (candidature_id, numero_unique, nature, canal)
        SELECT c.id, c.numero_unique, 'PROPOSITION', notification_canal(c.numero_unique)
          FROM candidatures_apres c
         WHERE c.statut = 'PROPOSEE'
         ORDER BY c.id
        ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO notification_candidature (candidature_id, numero_unique, nature, decision, canal)
        SELECT c.id, c.numero_unique, 'DECISION', c.decision, notification_canal(c.numero_unique)
          FROM candidatures_apres c JOIN candidatures_avant a ON a.id = c.id
         WHERE c.decision IS NOT NULL AND a.decision IS NULL
         ORDER BY c.id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER notification_candidature_ajout AFTER INSERT ON candidature
    REFERENCING NEW TABLE AS candidatures_apres
    FOR EACH STATEMENT EXECUTE FUNCTION notification_candidature();
CREATE TRIGGER notification_candidature_decision AFTER UPDATE ON candidature
    REFERENCING OLD TABLE AS candidatures_avant NEW TABLE AS candidatures_apres
    FOR EACH STATEMENT EXECUTE FUNCTION notification_candidature();
