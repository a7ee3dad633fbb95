-- Attribution (owner: attribution): the commissions d'attribution (CAL) and the outcome of each candidature.
--  * commission: a session of a landlord's commission, its date and place, and the dwellings on its agenda;
--  * candidature: the commission's decision on it (the decisions of CCH R441-3, "attribution par classement"
--    included), its reason or condition;
--  * the demand's follow-up (suivi_attribution) is what every channel writes — the hub's commission, and the ERP
--    messages proposition, decisionCal and renonciation —: a trigger carries each new line to the candidatures of the
--    dwelling's open offer, so that the records are the same whichever way they came.

ALTER TABLE suivi_attribution DROP CONSTRAINT suivi_decision_ck,
    ADD CONSTRAINT suivi_decision_ck CHECK (decision IN
        ('ATTRIBUTION', 'ATTRIBUTION_PAR_CLASSEMENT', 'ATTRIBUTION_SOUS_CONDITION', 'NON_ATTRIBUTION',
         'IRRECEVABILITE'));

CREATE TABLE commission (
    id               BIGSERIAL     PRIMARY KEY,
    bailleur         VARCHAR(20)   NOT NULL,
    territoire       CHAR(3)       NOT NULL,
    date_commission  DATE          NOT NULL,
    lieu             VARCHAR(200),
    statut           VARCHAR(10)   NOT NULL DEFAULT 'PREVUE',
    acteur           VARCHAR(200)  NOT NULL,
    organisation     VARCHAR(20),
    cree_le          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT commission_statut_ck CHECK (statut IN ('PREVUE', 'TENUE'))
);
CREATE INDEX commission_bailleur_idx ON commission (bailleur, date_commission);

CREATE TABLE commission_logement (
    commission_id  BIGINT    NOT NULL REFERENCES commission (id),
    logement_id    BIGINT    NOT NULL REFERENCES logement_offert (id),
    ordre          SMALLINT  NOT NULL,
    CONSTRAINT commission_logement_pk PRIMARY KEY (commission_id, logement_id),
    CONSTRAINT commission_logement_ordre_uk UNIQUE (commission_id, ordre)
);

ALTER TABLE candidature
    ADD COLUMN commission_id         BIGINT REFERENCES commission (id),
    ADD COLUMN decision              VARCHAR(30),
    ADD COLUMN rang_classement       SMALLINT,
    ADD COLUMN motif                 TEXT,
    ADD COLUMN motif_irrecevabilite  VARCHAR(40),
    ADD COLUMN condition             TEXT,
    ADD COLUMN decide_le             DATE;

-- The effort rate, one formula for the matching and the candidate sheets: (rent + charges) / monthly resources, in
-- percent to one decimal; null without resources.
CREATE FUNCTION attribution_taux_effort(depense NUMERIC, ressources NUMERIC) RETURNS NUMERIC
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN ressources > 0 THEN round(depense * 100 / ressources, 1) END
$$;

-- A follow-up line carried to the candidature of the dwelling's open offer (the latest offer for a decision or a
-- refusal, which may come after the lease of another candidate).
CREATE FUNCTION candidature_suivi() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a proposal by an ERP message: the candidature, if the rank and the demand are free (three ranks at most)
    WITH ajoutees AS (
        INSERT INTO candidature (logement_id, numero_unique, rang, designe_par, statut, acteur, canal, cree_le,
                                 modifie_le)
        SELECT o.id, s.numero_unique, s.rang, s.bailleur, 'PROPOSEE', s.acteur, s.canal, s.enregistre_le,
               s.enregistre_le
          FROM suivi_ajoute s
          JOIN LATERAL (SELECT id FROM logement_offert WHERE identifiant_rpls = s.identifiant_rpls
                                                         AND statut IN ('OFFERT', 'CANDIDATS_PROPOSES')
                         ORDER BY id DESC LIMIT 1) o ON true
         WHERE s.nature = 'PROPOSITION' AND s.rang IS NOT NULL
        ON CONFLICT DO NOTHING
        RETURNING logement_id, numero_unique, rang, acteur, canal, cree_le
    ), proposes AS (
        UPDATE logement_offert l SET statut = 'CANDIDATS_PROPOSES', version = l.version + 1, modifie_le = now()
         WHERE l.id IN (SELECT logement_id FROM ajoutees) AND l.statut = 'OFFERT'
        RETURNING l.id
    )
    INSERT INTO logement_historique (logement_id, horodatage, acteur, organisation, canal, operation, statut, details)
    SELECT a.logement_id, min(a.cree_le), min(a.acteur), NULL, min(a.canal), 'DESIGNATION', 'CANDIDATS_PROPOSES',
           'candidats ' || string_agg(a.rang || '. ' || a.numero_unique, ', ' ORDER BY a.rang)
      FROM ajoutees a
     GROUP BY a.logement_id;

    -- a decision of the commission
    UPDATE candidature c
       SET statut = CASE s.decision WHEN 'ATTRIBUTION' THEN 'ATTRIBUEE'
                                    WHEN 'ATTRIBUTION_PAR_CLASSEMENT' THEN 'ATTRIBUEE_CLASSEMENT'
                                    WHEN 'ATTRIBUTION_SOUS_CONDITION' THEN 'ATTRIBUEE_SOUS_CONDITION'
                                    WHEN 'NON_ATTRIBUTION' THEN 'NON_ATTRIBUEE'
                                    ELSE 'IRRECEVABLE' END,
           decision = s.decision, motif_irrecevabilite = s.motif_irrecevabilite, condition = s.condition,
           motif = coalesce(c.motif, s.commentaire), decide_le = s.date_evenement,
           rang_classement = CASE WHEN s.decision = 'ATTRIBUTION_PAR_CLASSEMENT' THEN s.rang END,
           modifie_le = now()
      FROM suivi_ajoute s
     WHERE s.nature = 'DECISION_CAL' AND c.numero_unique = s.numero_unique
       AND c.logement_id = (SELECT id FROM logement_offert WHERE identifiant_rpls = s.identifiant_rpls
                             ORDER BY id DESC LIMIT 1)
       AND c.statut NOT IN ('ANNULEE', 'BAIL_SIGNE', 'RENONCEE');

    -- the applicant turned the dwelling down
    UPDATE candidature c SET statut = 'RENONCEE', motif = s.commentaire, modifie_le = now()
      FROM suivi_ajoute s
     WHERE s.nature = 'RENONCIATION' AND c.numero_unique = s.numero_unique
       AND c.logement_id = (SELECT id FROM logement_offert WHERE identifiant_rpls = s.identifiant_rpls
                             ORDER BY id DESC LIMIT 1)
       AND c.statut NOT IN ('ANNULEE', 'BAIL_SIGNE');
    RETURN NULL;
END;
$$;

CREATE TRIGGER candidature_suivi AFTER INSERT ON suivi_attribution
    REFERENCING NEW TABLE AS suivi_ajoute
    FOR EACH STATEMENT EXECUTE FUNCTION candidature_suivi();
