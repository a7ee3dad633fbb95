-- Notices to the applicant about the life of their demand (owner: attestation): the attestation d'enregistrement the
-- day the demand is registered (the law gives one month), and the radiation with its reason — whatever the channel
-- that registered or radiated it (REST, SOAP, ERP, console, portal, campaign, national register). A demand taken over
-- from a departmental file (canal IMPORT, a reprise) had its attestation from that file: no notice.
--  * avis_demande: one row per demand, nature and version, written by a statement-level trigger on the history in
--    the transaction of the change; the unique key makes it once. EMAIL when the demand has an address, else COURRIER.
--  * the sender (AvisDemandeService, route avis-demandeurs) claims the rows to send (FOR UPDATE SKIP LOCKED: several
--    nodes share the work, none sends a row twice), sends them and marks them ENVOYE in the same transaction, with an
--    audit line; an address refused by the server sends the row by letter instead.

CREATE TABLE avis_demande (
    id              BIGSERIAL     PRIMARY KEY,
    numero_unique   VARCHAR(18)   NOT NULL REFERENCES demande (numero_unique) ON DELETE CASCADE,
    nature          VARCHAR(15)   NOT NULL,
    version         BIGINT        NOT NULL,
    motif           VARCHAR(20),
    canal           VARCHAR(10)   NOT NULL,
    etat            VARCHAR(10)   NOT NULL DEFAULT 'A_ENVOYER',
    cree_le         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    envoye_le       TIMESTAMPTZ,
    lot             VARCHAR(100),
    observation     TEXT,
    CONSTRAINT avis_demande_uk UNIQUE (numero_unique, nature, version),
    CONSTRAINT avis_demande_nature_ck CHECK (nature IN ('ENREGISTREMENT', 'RADIATION')),
    CONSTRAINT avis_demande_canal_ck CHECK (canal IN ('EMAIL', 'COURRIER')),
    CONSTRAINT avis_demande_etat_ck CHECK (etat IN ('A_ENVOYER', 'ENVOYE')),
    CONSTRAINT avis_demande_envoye_ck CHECK ((etat = 'ENVOYE') = (envoye_le IS NOT NULL)),
    CONSTRAINT avis_demande_motif_ck CHECK ((nature = 'RADIATION') = (motif IS NOT NULL))
);
CREATE INDEX avis_demande_a_envoyer_idx ON avis_demande (canal, id) WHERE etat = 'A_ENVOYER';

COMMENT ON TABLE avis_demande IS
    'Avis au demandeur : attestation d''enregistrement et radiation avec son motif, une fois chacun.';

CREATE FUNCTION avis_demande() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO avis_demande (numero_unique, nature, version, motif, canal)
    SELECT h.numero_unique, h.operation, h.version,
           CASE WHEN h.operation = 'RADIATION' THEN d.motif_radiation END,
           CASE WHEN nullif(btrim(d.dossier->'contact'->>'email'), '') IS NOT NULL THEN 'EMAIL' ELSE 'COURRIER' END
      FROM historique_apres h
      JOIN demande d ON d.numero_unique = h.numero_unique
     WHERE (h.operation = 'ENREGISTREMENT' AND h.canal <> 'IMPORT')
        OR (h.operation = 'RADIATION' AND d.motif_radiation IS NOT NULL)
     ORDER BY h.id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER avis_demande AFTER INSERT ON demande_historique
    REFERENCING NEW TABLE AS historique_apres FOR EACH STATEMENT EXECUTE FUNCTION avis_demande();
