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

-- A demand radiated (any channel: REST, SOAP, an ERP's bailSigne, the campaign) ends its candidatures, in the
-- transaction of its history line: radiated for ATTRIBUTION with the RPLS of an open offer, that offer is let
-- (ATTRIBUE, a history line naming the demand), the demand's candidature there BAIL_SIGNE and the offer's other
-- proposals cancelled; and every candidature of a radiated demand still in the running elsewhere is cancelled.
CREATE FUNCTION candidature_radiation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH baux AS (
        SELECT DISTINCT ON (h.numero_unique) h.numero_unique, h.acteur, h.canal, h.horodatage,
               d.radiation->'attribution'->>'identifiantRpls' AS rpls
          FROM historique_ajoute h JOIN demande d ON d.numero_unique = h.numero_unique
         WHERE h.operation = 'RADIATION' AND d.motif_radiation = 'ATTRIBUTION'
         ORDER BY h.numero_unique, h.id DESC
    ), loues AS (
        UPDATE logement_offert l SET statut = 'ATTRIBUE', version = l.version + 1, modifie_le = now()
          FROM baux b
         WHERE l.id = (SELECT o.id FROM logement_offert o WHERE o.identifiant_rpls = b.rpls
                                                            AND o.statut IN ('OFFERT', 'CANDIDATS_PROPOSES')
                        ORDER BY o.id DESC LIMIT 1)
        RETURNING l.id, b.numero_unique, b.acteur, b.canal, b.horodatage
    ), historique AS (
        INSERT INTO logement_historique (logement_id, horodatage, acteur, organisation, canal, operation, statut,
                                         details)
        SELECT id, horodatage, acteur, NULL, canal, 'BAIL_SIGNE', 'ATTRIBUE',
               'bail signé : demande ' || numero_unique || ' radiée pour attribution'
          FROM loues
        RETURNING 1
    ), signees AS (
        UPDATE candidature c SET statut = 'BAIL_SIGNE', modifie_le = now()
          FROM loues x
         WHERE c.logement_id = x.id AND c.numero_unique = x.numero_unique AND c.statut <> 'ANNULEE'
        RETURNING c.id
    )
    UPDATE candidature c SET statut = 'ANNULEE', modifie_le = now()
      FROM loues x
     WHERE c.logement_id = x.id AND c.numero_unique <> x.numero_unique AND c.statut = 'PROPOSEE';

    UPDATE candidature c SET statut = 'ANNULEE', modifie_le = now()
      FROM historique_ajoute h
     WHERE h.operation = 'RADIATION' AND c.numero_unique = h.numero_unique
       AND c.statut IN ('PROPOSEE', 'ATTRIBUEE', 'ATTRIBUEE_CLASSEMENT', 'ATTRIBUEE_SOUS_CONDITION');
    RETURN NULL;
END;
$$;

CREATE TRIGGER candidature_radiation AFTER INSERT ON demande_historique
    REFERENCING NEW TABLE AS historique_ajoute
    FOR EACH STATEMENT EXECUTE FUNCTION candidature_radiation();
