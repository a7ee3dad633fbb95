-- Register (owner: enregistrement). Two row-level triggers made every bulk write pay per row what a statement can do
-- once (measured by EXPLAIN ANALYZE on 19,800 imported demands, issue 23):
--  * the outbox's recipients (V10): a SQL function called from a row trigger is planned again at every call
--    (6.5 s for 19,800 events, 330 µs each): the same query is now written inside the PL/pgSQL trigger, whose plans
--    are kept for the session (0.9 s); the result is the same (the active landlords of the demand's territory or of
--    an EPCI holding one of its communes, '{}' for a demand unknown);
--  * the audit line of each history line (V7, V10): now written once per statement from its transition table, in
--    the history's order (914 ms -> 321 ms); each line has the same content as before (organisation of the actor,
--    or the landlord of an "erp:<CODE>" actor; changed fields; comment). Row triggers of the AFTER kind ran at the
--    end of the statement already: the audit lines are written at the same moment, in the same transaction.

CREATE OR REPLACE FUNCTION registre_outbox_destinataires() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d RECORD;
BEGIN
    SELECT territoire, communes INTO d FROM demande WHERE numero_unique = NEW.numero_unique;
    IF NOT FOUND THEN
        NEW.destinataires := '{}';
        RETURN NEW;
    END IF;
    SELECT coalesce(array_agg(DISTINCT o.code ORDER BY o.code), '{}') INTO NEW.destinataires
      FROM organisation o
      JOIN organisation_territoire t ON t.organisation_id = o.id
     WHERE o.type = 'BAILLEUR' AND o.active
       AND (t.territoire = d.territoire
            OR EXISTS (SELECT 1 FROM epci_commune c WHERE c.epci = t.territoire AND c.commune = ANY (d.communes)));
    RETURN NEW;
END
$$;

CREATE FUNCTION registre_auditer_changements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit (horodatage, acteur, organisation, canal, operation, numero_unique, territoire, details)
    SELECT h.horodatage, h.acteur,
           coalesce(o.code, CASE WHEN h.acteur LIKE 'erp:%' THEN substr(h.acteur, 5) END),
           h.canal, h.operation, h.numero_unique, substr(h.numero_unique, 1, 3),
           NULLIF(concat_ws(' ; ',
               (SELECT 'champs : ' || string_agg(c ->> 'champ', ', ')
                  FROM jsonb_array_elements(h.changements) c),
               h.commentaire), '')
      FROM historique_ajoute h
      LEFT JOIN utilisateur u ON u.identifiant = h.acteur
      LEFT JOIN organisation o ON o.id = u.organisation_id
     ORDER BY h.id;
    RETURN NULL;
END
$$;

DROP TRIGGER demande_historique_audit ON demande_historique;
DROP FUNCTION registre_auditer_changement();
CREATE TRIGGER demande_historique_audit AFTER INSERT ON demande_historique
    REFERENCING NEW TABLE AS historique_ajoute
    FOR EACH STATEMENT EXECUTE FUNCTION registre_auditer_changements();
