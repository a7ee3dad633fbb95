-- Registre Hub, schema version 10: the landlords' ERP channel.
--  * message_erp: every inbound ERP message processed, keyed by the sending organisation and its messageId. An
--    accepted message is written in the same transaction as the change it caused: a message delivered twice (broker
--    redelivery, hub killed before the acknowledgement, ERP sending again) finds its row and changes nothing.
--  * suivi_attribution: what the landlords report about a demand before the lease (propositions, CAL decisions,
--    the candidate turning the dwelling down).
--  * outbox.destinataires: the landlords of the demand's territory, computed when the event is written.

CREATE TABLE message_erp (
    organisation   VARCHAR(20)   NOT NULL,
    message_id     VARCHAR(100)  NOT NULL,
    type           VARCHAR(30)   NOT NULL,
    statut         VARCHAR(10)   NOT NULL,
    numero_unique  VARCHAR(18),
    erreurs        JSONB,
    traite_le      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT message_erp_pk PRIMARY KEY (organisation, message_id),
    CONSTRAINT message_erp_statut_ck CHECK (statut IN ('ACCEPTE', 'REJETE')),
    CONSTRAINT message_erp_type_ck CHECK (type IN
        ('enregistrerDemande', 'proposition', 'decisionCal', 'bailSigne', 'renonciation')),
    CONSTRAINT message_erp_erreurs_ck CHECK ((statut = 'REJETE') = (erreurs IS NOT NULL))
);

COMMENT ON TABLE message_erp IS 'Messages ERP traités (idempotence) : un message déjà présent n''a plus d''effet.';

CREATE INDEX message_erp_dernier_idx ON message_erp (organisation, traite_le DESC);

CREATE TABLE suivi_attribution (
    id                    BIGSERIAL     PRIMARY KEY,
    numero_unique         VARCHAR(18)   NOT NULL REFERENCES demande (numero_unique),
    nature                VARCHAR(20)   NOT NULL,
    bailleur              VARCHAR(20)   NOT NULL,
    identifiant_rpls      VARCHAR(20)   NOT NULL,
    rang                  SMALLINT,
    date_evenement        DATE          NOT NULL,
    decision              VARCHAR(30),
    motif_irrecevabilite  VARCHAR(40),
    condition             TEXT,
    commentaire           TEXT,
    acteur                VARCHAR(200)  NOT NULL,
    canal                 VARCHAR(10)   NOT NULL,
    message_id            VARCHAR(100),
    enregistre_le         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT suivi_nature_ck CHECK (nature IN ('PROPOSITION', 'DECISION_CAL', 'RENONCIATION')),
    CONSTRAINT suivi_rang_ck CHECK (rang BETWEEN 1 AND 3),
    CONSTRAINT suivi_decision_ck CHECK (decision IN
        ('ATTRIBUTION', 'ATTRIBUTION_SOUS_CONDITION', 'NON_ATTRIBUTION', 'IRRECEVABILITE')),
    CONSTRAINT suivi_decision_nature_ck CHECK ((nature = 'DECISION_CAL') = (decision IS NOT NULL)),
    CONSTRAINT suivi_irrecevabilite_ck CHECK ((decision IS NOT DISTINCT FROM 'IRRECEVABILITE')
                                              = (motif_irrecevabilite IS NOT NULL)),
    CONSTRAINT suivi_motif_ck CHECK (motif_irrecevabilite IN
        ('RESSOURCES_SUPERIEURES_PLAFOND', 'SEJOUR_IRREGULIER', 'AUTRE')),
    CONSTRAINT suivi_condition_ck CHECK ((decision IS NOT DISTINCT FROM 'ATTRIBUTION_SOUS_CONDITION')
                                         = (condition IS NOT NULL)),
    CONSTRAINT suivi_canal_ck CHECK (canal IN ('REST', 'SOAP', 'ERP', 'CONSOLE', 'IMPORT', 'NATIONAL'))
);

COMMENT ON TABLE suivi_attribution IS 'Propositions de logement et décisions de CAL déclarées par les bailleurs.';

CREATE INDEX suivi_attribution_demande_idx ON suivi_attribution (numero_unique, id);

-- The landlords (organisations of type BAILLEUR, active) that receive an event: those working on the demand's
-- département, or on an EPCI one of whose communes the demand wishes. Computed when the event is written, so that a
-- relay after a change of territories still sends what the landlords were entitled to at the time of the change.
ALTER TABLE outbox ADD COLUMN destinataires VARCHAR(20)[] NOT NULL DEFAULT '{}';

CREATE FUNCTION registre_bailleurs_destinataires(p_territoire TEXT, p_communes TEXT[]) RETURNS VARCHAR(20)[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(DISTINCT o.code ORDER BY o.code), '{}')
      FROM organisation o
      JOIN organisation_territoire t ON t.organisation_id = o.id
     WHERE o.type = 'BAILLEUR' AND o.active
       AND (t.territoire = p_territoire
            OR EXISTS (SELECT 1 FROM epci_commune c WHERE c.epci = t.territoire AND c.commune = ANY (p_communes)))
$$;

CREATE FUNCTION registre_outbox_destinataires() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT registre_bailleurs_destinataires(d.territoire, d.communes) INTO NEW.destinataires
      FROM demande d WHERE d.numero_unique = NEW.numero_unique;
    NEW.destinataires := coalesce(NEW.destinataires, '{}');
    RETURN NEW;
END
$$;

CREATE TRIGGER outbox_destinataires BEFORE INSERT ON outbox
    FOR EACH ROW EXECUTE FUNCTION registre_outbox_destinataires();

-- A change made through an organisation's ERP queue is made by "erp:<CODE>" (no user login has a colon): its audit
-- line names that organisation.
CREATE OR REPLACE FUNCTION registre_auditer_changement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit (horodatage, acteur, organisation, canal, operation, numero_unique, territoire, details)
    VALUES (NEW.horodatage, NEW.acteur,
            coalesce((SELECT o.code FROM utilisateur u JOIN organisation o ON o.id = u.organisation_id
                       WHERE u.identifiant = NEW.acteur),
                     CASE WHEN NEW.acteur LIKE 'erp:%' THEN substr(NEW.acteur, 5) END),
            NEW.canal, NEW.operation, NEW.numero_unique, substr(NEW.numero_unique, 1, 3),
            NULLIF(concat_ws(' ; ',
                (SELECT 'champs : ' || string_agg(c ->> 'champ', ', ')
                   FROM jsonb_array_elements(NEW.changements) c),
                NEW.commentaire), ''));
    RETURN NEW;
END
$$;
