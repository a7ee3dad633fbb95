-- Attribution (owner: attribution). The dwellings that landlords offer for attribution, with their history, and the
-- matching facts of every pending demand:
--  * logement_offert: one offer of a dwelling (RPLS identifier) by its landlord, from its declaration to the lease
--    signed or its withdrawal; a dwelling let again later is a new offer (one open offer per dwelling at a time);
--  * logement_historique: every change of an offer (who, when, through which channel, what);
--  * rapprochement: for each ACTIVE demand and each commune and typology it wishes, what matching reads (household
--    size, consumption units, resources, income, rent wished, accessibility needs, legal priority categories, DALO,
--    cotation), computed from the dossier by rapprochement_faits() and kept by statement-level triggers on demande
--    and recours_dalo (every writer of a demand is covered: registration, modification, import, national
--    reconciliation, radiation).

CREATE TABLE logement_offert (
    id                  BIGSERIAL     PRIMARY KEY,
    identifiant_rpls    VARCHAR(20)   NOT NULL,
    bailleur            VARCHAR(20)   NOT NULL,
    adresse             VARCHAR(200)  NOT NULL,
    commune             VARCHAR(5)    NOT NULL,
    territoire          CHAR(3)       NOT NULL,
    typologie           VARCHAR(10)   NOT NULL,
    surface             NUMERIC(6, 2) NOT NULL,
    etage               SMALLINT      NOT NULL,
    ascenseur           BOOLEAN       NOT NULL,
    accessibilite       VARCHAR(12)   NOT NULL,
    loyer               NUMERIC(8, 2) NOT NULL,
    charges             NUMERIC(8, 2) NOT NULL,
    financement         VARCHAR(4)    NOT NULL,
    type_reservataire   VARCHAR(20)   NOT NULL,
    reservataire        VARCHAR(20)   NOT NULL,
    date_disponibilite  DATE          NOT NULL,
    statut              VARCHAR(20)   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    cree_le             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    modifie_le          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT logement_rpls_ck CHECK (identifiant_rpls ~ '^[0-9A-Za-z]{1,20}$'),
    CONSTRAINT logement_commune_ck CHECK (commune ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
    CONSTRAINT logement_territoire_ck CHECK (territoire ~ '^[0-9]{2}[0-9AB]$'),
    CONSTRAINT logement_typologie_ck CHECK (typologie IN ('CHAMBRE', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6_PLUS')),
    CONSTRAINT logement_surface_ck CHECK (surface > 0),
    CONSTRAINT logement_etage_ck CHECK (etage BETWEEN -1 AND 60),
    CONSTRAINT logement_accessibilite_ck CHECK (accessibilite IN ('NON', 'ACCESSIBLE', 'ADAPTE')),
    CONSTRAINT logement_loyer_ck CHECK (loyer > 0 AND charges >= 0),
    CONSTRAINT logement_financement_ck CHECK (financement IN ('PLAI', 'PLUS', 'PLS')),
    CONSTRAINT logement_reservataire_ck CHECK (type_reservataire IN ('PREFECTURE', 'ACTION_LOGEMENT', 'COLLECTIVITE',
                                                                     'BAILLEUR')),
    CONSTRAINT logement_statut_ck CHECK (statut IN ('OFFERT', 'CANDIDATS_PROPOSES', 'ATTRIBUE', 'RETIRE'))
);
-- one open offer per dwelling; attributed and withdrawn offers stay, with their history
CREATE UNIQUE INDEX logement_offert_ouvert_uk ON logement_offert (identifiant_rpls)
    WHERE statut IN ('OFFERT', 'CANDIDATS_PROPOSES');
CREATE INDEX logement_offert_rpls_idx ON logement_offert (identifiant_rpls, id);
CREATE INDEX logement_offert_bailleur_idx ON logement_offert (bailleur, statut);
CREATE INDEX logement_offert_reservataire_idx ON logement_offert (reservataire, statut);
CREATE INDEX logement_offert_territoire_idx ON logement_offert (territoire, statut);

COMMENT ON TABLE logement_offert IS 'Logements offerts à l''attribution par les bailleurs (une ligne par offre).';

CREATE TABLE logement_historique (
    id            BIGSERIAL     PRIMARY KEY,
    logement_id   BIGINT        NOT NULL REFERENCES logement_offert (id),
    horodatage    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    acteur        VARCHAR(200)  NOT NULL,
    organisation  VARCHAR(20),
    canal         VARCHAR(10)   NOT NULL,
    operation     VARCHAR(30)   NOT NULL,
    statut        VARCHAR(20)   NOT NULL,
    details       TEXT
);
CREATE INDEX logement_historique_logement_idx ON logement_historique (logement_id, id);

-- The facts of a demand that matching reads, from its dossier (the JSON of API v1).
-- Consumption units (OECD scale): 1 for the applicant, 0.5 for the co-applicant and each dependant aged 14 or more
-- on the day of the write, 0.3 for each younger one. Legal priority categories (CCH L441-1) the dossier shows:
-- HANDICAP (a person with a handicap, or the motive), SANS_LOGEMENT (no home, hotel, camping, or the motive),
-- HEBERGE (hosted by family or third party, in a foyer or a résidence sociale, or the motive), VIOLENCES (domestic
-- violence motive), LOGEMENT_INDIGNE (unfit housing motive); DALO comes from the national register (recours_dalo).
-- PL/pgSQL, so that its statements' plans are kept by the session: a registration pays the reading of its dossier,
-- not the planning of this function (HubBench: planning it at each write cost a fifth of the registration rate).
CREATE TYPE rapprochement_faits_t AS (
    taille_menage SMALLINT, unites_consommation NUMERIC, ressources_mensuelles NUMERIC, revenu_fiscal BIGINT,
    loyer_max NUMERIC, ascenseur BOOLEAN, rez_de_chaussee BOOLEAN, mobilite_reduite BOOLEAN, fauteuil_roulant BOOLEAN,
    mutation BOOLEAN, priorites TEXT[]);
CREATE FUNCTION rapprochement_faits(dossier JSONB, jour DATE) RETURNS rapprochement_faits_t
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    f rapprochement_faits_t;
    co BOOLEAN := coalesce(jsonb_typeof(dossier->'coDemandeur') = 'object', false);
    n INTEGER := 0;
    jeunes INTEGER := 0;
    p JSONB;
    m TEXT[];
    s TEXT := dossier->'logementActuel'->>'statut';
BEGIN
    IF jsonb_typeof(dossier->'personnesACharge') = 'array' THEN
        FOR p IN SELECT jsonb_array_elements(dossier->'personnesACharge') LOOP
            n := n + 1;
            IF (p->>'dateNaissance') IS NOT NULL AND (p->>'dateNaissance')::date > jour - INTERVAL '14 years' THEN
                jeunes := jeunes + 1;
            END IF;
        END LOOP;
    END IF;
    m := CASE WHEN jsonb_typeof(dossier->'motifs') = 'array'
              THEN ARRAY(SELECT jsonb_array_elements_text(dossier->'motifs')) ELSE '{}' END;
    f.taille_menage := 1 + co::int + n;
    f.unites_consommation := 1 + 0.5 * co::int + 0.5 * (n - jeunes) + 0.3 * jeunes;
    f.ressources_mensuelles := CASE WHEN jsonb_typeof(dossier->'ressources') = 'array'
        THEN coalesce((SELECT sum((r->>'montantMensuel')::numeric) FROM jsonb_array_elements(dossier->'ressources') r
                        WHERE jsonb_typeof(r->'montantMensuel') = 'number'), 0) ELSE 0 END;
    f.revenu_fiscal := CASE WHEN jsonb_typeof(dossier->'revenuFiscal'->'anneeN2') = 'number'
        THEN (dossier->'revenuFiscal'->>'anneeN2')::numeric::bigint END;
    f.loyer_max := CASE WHEN jsonb_typeof(dossier->'logementRecherche'->'loyerMax') = 'number'
        THEN (dossier->'logementRecherche'->>'loyerMax')::numeric END;
    f.ascenseur := coalesce((dossier->'logementRecherche'->>'ascenseur')::boolean, false);
    f.rez_de_chaussee := coalesce((dossier->'logementRecherche'->>'rezDeChaussee')::boolean, false);
    f.mobilite_reduite := coalesce((dossier->'handicap'->>'mobiliteReduite')::boolean, false);
    f.fauteuil_roulant := coalesce((dossier->'handicap'->>'fauteuilRoulant')::boolean, false);
    f.mutation := coalesce(s = 'LOCATAIRE_HLM', false);
    f.priorites := array_remove(ARRAY[
        CASE WHEN coalesce((dossier->'handicap'->>'personneHandicapee')::boolean, false) OR 'HANDICAP' = ANY (m)
             THEN 'HANDICAP' END,
        CASE WHEN s IN ('SANS_ABRI', 'HOTEL', 'CAMPING_CARAVANE') OR 'SANS_LOGEMENT' = ANY (m) THEN 'SANS_LOGEMENT' END,
        CASE WHEN s IN ('HEBERGE_FAMILLE', 'HEBERGE_TIERS', 'FOYER', 'RESIDENCE_SOCIALE') OR 'HEBERGE' = ANY (m)
             THEN 'HEBERGE' END,
        CASE WHEN 'VIOLENCES_FAMILIALES' = ANY (m) THEN 'VIOLENCES' END,
        CASE WHEN 'LOGEMENT_INDIGNE' = ANY (m) THEN 'LOGEMENT_INDIGNE' END], NULL);
    RETURN f;
END;
$$;


-- One row per pending demand, commune wished and typology wished: the demand's facts repeated on each, so that
-- matching reads one index range, in the order of the default ranking (DALO, legal priorities, cotation, ancienneté),
-- and stops once it holds the candidates asked for.
CREATE TABLE rapprochement (
    commune                VARCHAR(5)     NOT NULL,
    typologie              VARCHAR(10)    NOT NULL,
    demande_id             BIGINT         NOT NULL,
    rang_commune           SMALLINT       NOT NULL,
    numero_unique          VARCHAR(18)    NOT NULL,
    territoire             CHAR(3)        NOT NULL,
    date_depot             DATE           NOT NULL,
    taille_menage          SMALLINT       NOT NULL,
    unites_consommation    NUMERIC(5, 2)  NOT NULL,
    ressources_mensuelles  NUMERIC(10, 2) NOT NULL,
    revenu_fiscal          BIGINT,
    loyer_max              NUMERIC(8, 2),
    ascenseur              BOOLEAN        NOT NULL,
    rez_de_chaussee        BOOLEAN        NOT NULL,
    mobilite_reduite       BOOLEAN        NOT NULL,
    fauteuil_roulant       BOOLEAN        NOT NULL,
    mutation               BOOLEAN        NOT NULL,
    priorites              TEXT[]         NOT NULL,
    nb_priorites           SMALLINT       NOT NULL,
    dalo                   BOOLEAN        NOT NULL,
    points                 INTEGER        NOT NULL DEFAULT 0,
    CONSTRAINT rapprochement_pk PRIMARY KEY (commune, typologie, demande_id)
);
COMMENT ON TABLE rapprochement IS 'Faits de rapprochement des demandes actives, par commune et typologie souhaitées'
    ' (tenus par déclencheur).';
CREATE INDEX rapprochement_classement_idx ON rapprochement
    (commune, typologie, dalo DESC, nb_priorites DESC, points DESC, date_depot, numero_unique);
CREATE INDEX rapprochement_demande_idx ON rapprochement (demande_id);
CREATE INDEX rapprochement_numero_idx ON rapprochement (numero_unique);

-- The matching rows of a set of demands: rebuilt for the ACTIVE ones (the old rows removed first when asked), removed
-- for the others. PL/pgSQL for the same reason.
CREATE FUNCTION rapprochement_rafraichir(ids BIGINT[], effacer BOOLEAN) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    jour DATE := (now() AT TIME ZONE 'Europe/Paris')::date;
BEGIN
    IF effacer THEN
        DELETE FROM rapprochement WHERE demande_id = ANY (ids);
    END IF;
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    INSERT INTO rapprochement (commune, typologie, demande_id, rang_commune, numero_unique, territoire, date_depot,
                               taille_menage, unites_consommation, ressources_mensuelles, revenu_fiscal, loyer_max,
                               ascenseur, rez_de_chaussee, mobilite_reduite, fauteuil_roulant, mutation, priorites,
                               nb_priorites, dalo)
    SELECT DISTINCT ON (c.commune, t.typologie, d.id) c.commune, t.typologie, d.id, c.rang, d.numero_unique,
           d.territoire, d.date_depot, f.taille_menage, f.unites_consommation, f.ressources_mensuelles,
           f.revenu_fiscal, f.loyer_max, f.ascenseur, f.rez_de_chaussee, f.mobilite_reduite, f.fauteuil_roulant,
           f.mutation, f.priorites, cardinality(f.priorites),
           EXISTS (SELECT 1 FROM recours_dalo r WHERE r.numero_unique = d.numero_unique
                                                 AND r.decision = 'PRIORITAIRE_URGENT')
      FROM demande d
     CROSS JOIN LATERAL rapprochement_faits(d.dossier, jour) f
     CROSS JOIN LATERAL unnest(d.communes) WITH ORDINALITY AS c (commune, rang)
     CROSS JOIN LATERAL unnest(d.typologies) AS t (typologie)
     WHERE d.id = ANY (ids) AND d.statut = 'ACTIVE'
     ORDER BY c.commune, t.typologie, d.id, c.rang;
END;
$$;

CREATE FUNCTION rapprochement_demande_ensemble() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM rapprochement WHERE demande_id IN (SELECT id FROM demandes_avant);
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM rapprochement_rafraichir(ARRAY(SELECT id FROM demandes_apres WHERE statut = 'ACTIVE'), false);
    ELSE
        PERFORM rapprochement_rafraichir(ARRAY(SELECT id FROM demandes_apres), true);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER rapprochement_demande_ajout AFTER INSERT ON demande
    REFERENCING NEW TABLE AS demandes_apres
    FOR EACH STATEMENT EXECUTE FUNCTION rapprochement_demande_ensemble();
CREATE TRIGGER rapprochement_demande_maj AFTER UPDATE ON demande
    REFERENCING OLD TABLE AS demandes_avant NEW TABLE AS demandes_apres
    FOR EACH STATEMENT EXECUTE FUNCTION rapprochement_demande_ensemble();
CREATE TRIGGER rapprochement_demande_retrait AFTER DELETE ON demande
    REFERENCING OLD TABLE AS demandes_avant
    FOR EACH STATEMENT EXECUTE FUNCTION rapprochement_demande_ensemble();

-- A DALO decision reported by the national register changes the demand's priority.
CREATE FUNCTION rapprochement_dalo() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE rapprochement f
       SET dalo = EXISTS (SELECT 1 FROM recours_dalo r WHERE r.numero_unique = f.numero_unique
                                                        AND r.decision = 'PRIORITAIRE_URGENT')
     WHERE f.numero_unique IN (SELECT numero_unique FROM recours_apres);
    RETURN NULL;
END;
$$;
CREATE TRIGGER rapprochement_dalo_ajout AFTER INSERT ON recours_dalo
    REFERENCING NEW TABLE AS recours_apres
    FOR EACH STATEMENT EXECUTE FUNCTION rapprochement_dalo();
CREATE TRIGGER rapprochement_dalo_maj AFTER UPDATE ON recours_dalo
    REFERENCING NEW TABLE AS recours_apres
    FOR EACH STATEMENT EXECUTE FUNCTION rapprochement_dalo();

-- The demands already in the register.
SELECT rapprochement_rafraichir(ARRAY(SELECT id FROM demande WHERE statut = 'ACTIVE'), false);

-- the landlords' ERPs offer their dwellings by message too (offreLogement)
ALTER TABLE message_erp DROP CONSTRAINT message_erp_type_ck,
    ADD CONSTRAINT message_erp_type_ck CHECK (type IN
        ('enregistrerDemande', 'proposition', 'decisionCal', 'bailSigne', 'renonciation', 'renouvellement',
         'offreLogement'));
