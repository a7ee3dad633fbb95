-- Attribution (owner: attribution): the candidatures' events in the outbox, like every change of the register.
-- A candidature designated (candidatureDesignee) and every change of its status afterwards — the commission's
-- decision, the applicant's refusal, the lease, a cancellation — (candidatureChangee) are written to the outbox in the
-- transaction that made them, whichever channel did it (REST, console, an ERP's proposition, decisionCal or
-- renonciation, a radiation): the relay publishes them to the landlords of the demand's territory
-- (registre.erp.<CODE>.evenements, computed by the outbox's own trigger) and on registre.evenements, in order. They
-- concern the local attribution only: the national synchronisation passes over them (EnvoiNational). The document
-- is docs/messages/evenement-demande.schema.json (its "candidature" part).

CREATE FUNCTION candidature_evenement_contenu(c candidature, l logement_offert, type TEXT, canal TEXT, id UUID)
    RETURNS JSONB LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'versionSchema', 1, 'messageId', id::text, 'evenementId', id::text, 'type', type,
        'horodatage', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'canal', canal,
        'candidature', jsonb_strip_nulls(jsonb_build_object(
            'numeroUnique', c.numero_unique, 'identifiantRpls', l.identifiant_rpls, 'bailleur', l.bailleur,
            'commune', l.commune, 'rang', c.rang, 'designePar', c.designe_par, 'statut', c.statut,
            'decision', c.decision, 'rangClassement', c.rang_classement, 'motif', c.motif,
            'motifIrrecevabilite', c.motif_irrecevabilite, 'condition', c.condition, 'decideLe', c.decide_le)))
$$;

CREATE FUNCTION candidature_evenement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- one identifier per row: a volatile function in a select list is evaluated row by row
    IF TG_OP = 'INSERT' THEN
        INSERT INTO outbox (evenement_id, type, numero_unique, horodatage, contenu)
        SELECT e.id, 'candidatureDesignee', c.numero_unique, now(),
               candidature_evenement_contenu(c, l, 'candidatureDesignee', c.canal, e.id)::json
          FROM candidatures_apres c
          JOIN (SELECT id AS candidature, gen_random_uuid() AS id FROM candidatures_apres) e ON e.candidature = c.id
          JOIN logement_offert l ON l.id = c.logement_id
         ORDER BY c.id;
    ELSE
        INSERT INTO outbox (evenement_id, type, numero_unique, horodatage, contenu)
        SELECT e.id, 'candidatureChangee', c.numero_unique, now(),
               candidature_evenement_contenu(c, l, 'candidatureChangee', NULL, e.id)::json
          FROM candidatures_apres c
          JOIN candidatures_avant a ON a.id = c.id
          JOIN (SELECT id AS candidature, gen_random_uuid() AS id FROM candidatures_apres) e ON e.candidature = c.id
          JOIN logement_offert l ON l.id = c.logement_id
         WHERE c.statut IS DISTINCT FROM a.statut OR c.decision IS DISTINCT FROM a.decision
         ORDER BY c.id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER candidature_evenement_ajout AFTER INSERT ON candidature
    REFERENCING NEW TABLE AS candidatures_apres
    FOR EACH STATEMENT EXECUTE FUNCTION candidature_evenement();
CREATE TRIGGER candidature_evenement_changement AFTER UPDATE ON candidature
    REFERENCING OLD TABLE AS candidatures_avant NEW TABLE AS candidatures_apres
    FOR EACH STATEMENT EXECUTE FUNCTION candidature_evenement();
