-- Dossier unique (owner: dossier-unique): a document uploaded (pieceDeposee) or withdrawn, replaced included
-- (pieceRetiree), is written to the outbox in the transaction that made it, whichever channel did it (the portal, REST):
-- the relay publishes it to the landlords of the demand's territory and on registre.evenements, in the order of the
-- demand's changes. The event carries what the document is, never its content: a landlord downloads it over REST
-- (/api/v1/pieces), the read audited. Local events: the national synchronisation passes over them.

CREATE FUNCTION piece_evenement_contenu(p piece_demande, type TEXT, id UUID) RETURNS JSONB LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'versionSchema', 1, 'messageId', id::text, 'evenementId', id::text, 'type', type,
        'horodatage', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'canal', CASE WHEN type = 'pieceDeposee' THEN p.canal END,
        'piece', jsonb_strip_nulls(jsonb_build_object(
            'numeroUnique', p.numero_unique, 'id', p.id, 'categorie', p.categorie, 'typeMedia', p.type_media,
            'taille', p.taille, 'sha256', p.sha256, 'deposeLe',
            to_char(p.depose_le AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            'remplaceePar', p.remplacee_par)))
$$;

CREATE FUNCTION piece_evenement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO outbox (evenement_id, type, numero_unique, horodatage, contenu)
        SELECT e.id, 'pieceDeposee', p.numero_unique, now(), piece_evenement_contenu(p, 'pieceDeposee', e.id)::json
          FROM pieces_apres p
          JOIN (SELECT id AS piece, gen_random_uuid() AS id FROM pieces_apres) e ON e.piece = p.id
         ORDER BY p.id;
    ELSE
        INSERT INTO outbox (evenement_id, type, numero_unique, horodatage, contenu)
        SELECT e.id, 'pieceRetiree', p.numero_unique, now(), piece_evenement_contenu(p, 'pieceRetiree', e.id)::json
          FROM pieces_apres p
          JOIN pieces_avant a ON a.id = p.id
          JOIN (SELECT id AS piece, gen_random_uuid() AS id FROM pieces_apres) e ON e.piece = p.id
         WHERE a.retire_le IS NULL AND p.retire_le IS NOT NULL
         ORDER BY p.id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER piece_evenement_depot AFTER INSERT ON piece_demande
    REFERENCING NEW TABLE AS pieces_apres FOR EACH STATEMENT EXECUTE FUNCTION piece_evenement();
CREATE TRIGGER piece_evenement_retrait AFTER UPDATE ON piece_demande
    REFERENCING OLD TABLE AS pieces_avant NEW TABLE AS pieces_apres FOR EACH STATEMENT EXECUTE FUNCTION piece_evenement();
