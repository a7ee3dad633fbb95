-- Statistics (owner: statistiques). The 18 data-quality indicators of every guichet were counted at each reading by a
-- scan of every pending demand and a grouping of every active identity of the register (4.3 s nationally, issue 23).
-- They are now kept as the stock's breakdowns are (V15, V18):
--  * the indicators a demand's statistical row decides alone (the defects' bits, the typology against the household)
--    and the count of pending demands are counted by guichet in stat_qualite; the trigger of the statistical row adds
--    its changes (-1 before, +1 after, summed per statement) to stat_qualite_ecart, which stat_rafraichir() folds and
--    a reader adds while they wait;
--  * the active demands by identity (normalised name and first first name, birth date) and by NIR are counted in
--    stat_doublon_identite and stat_doublon_nir by the same trigger: a probable duplicate is an active demand whose
--    identity or NIR is counted more than once, found from the few such keys;
--  * the indicators of the day (birth date improbable today, validity over or within a month, no activity for a year)
--    are read through partial indexes of the pending demands, which hold their guichet.

CREATE TABLE stat_qualite (
    guichet     VARCHAR(5)   NOT NULL,
    indicateur  VARCHAR(40)  NOT NULL,
    n           BIGINT       NOT NULL,
    CONSTRAINT stat_qualite_pk PRIMARY KEY (guichet, indicateur)
);
COMMENT ON TABLE stat_qualite IS 'Demandes en attente et défauts de qualité propres à chaque demande, par guichet'
    ' (hors écarts en attente).';

-- written on every change that moves a count, read whole and emptied by the fold: no index to maintain
CREATE TABLE stat_qualite_ecart (
    guichet     VARCHAR(5)   NOT NULL,
    indicateur  VARCHAR(40)  NOT NULL,
    n           INTEGER      NOT NULL
);

CREATE TABLE stat_doublon_identite (
    identite        TEXT     NOT NULL,
    date_naissance  DATE     NOT NULL,
    n               INTEGER  NOT NULL,
    CONSTRAINT stat_doublon_identite_pk PRIMARY KEY (identite, date_naissance)
);
CREATE INDEX stat_doublon_identite_plusieurs_idx ON stat_doublon_identite (identite, date_naissance) WHERE n > 1;
COMMENT ON TABLE stat_doublon_identite IS 'Demandes actives par identité (nom et premier prénom normalisés, date de'
    ' naissance).';

CREATE TABLE stat_doublon_nir (
    nir  VARCHAR(15)  NOT NULL PRIMARY KEY,
    n    INTEGER      NOT NULL
);
CREATE INDEX stat_doublon_nir_plusieurs_idx ON stat_doublon_nir (nir) WHERE n > 1;
COMMENT ON TABLE stat_doublon_nir IS 'Demandes actives par NIR.';

-- The indicators of the day, from partial indexes of the pending demands holding their guichet (index-only scans).
CREATE INDEX stat_demande_active_validite_idx ON stat_demande (date_validite) INCLUDE (guichet, numero_unique)
    WHERE statut = 'ACTIVE';
CREATE INDEX stat_demande_active_naissance_idx ON stat_demande (date_naissance) INCLUDE (guichet)
    WHERE statut = 'ACTIVE';
CREATE INDEX stat_demande_active_activite_idx ON stat_demande (derniere_activite) INCLUDE (guichet)
    WHERE statut = 'ACTIVE';
-- the reactivations (a late renewal), few: the seq scan of every movement took 1 s at 5 M movements
CREATE INDEX stat_mouvement_retour_idx ON stat_mouvement (jour) INCLUDE (numero_unique) WHERE nature = 'RETOUR';

-- The rows of a pending demand in stat_qualite, with a sign: its count, then one per defect it has (the names of
-- IndicateurQualite).
CREATE FUNCTION stat_qualite_lignes(s stat_demande, signe INTEGER)
    RETURNS TABLE (guichet TEXT, indicateur TEXT, n INTEGER)
    LANGUAGE sql IMMUTABLE AS $$
    SELECT s.guichet::text, v.indicateur, signe
      FROM (VALUES ('ACTIVES', true),
                   ('REVENUS_ABSENTS', s.defauts & 1 <> 0),
                   ('REVENU_FISCAL_ABSENT', s.defauts & 2 <> 0),
                   ('RESSOURCE_SANS_MONTANT', s.defauts & 4 <> 0),
                   ('NIR_ABSENT', s.defauts & 8 <> 0),
                   ('COURRIEL_ABSENT', s.defauts & 16 <> 0),
                   ('TELEPHONE_ABSENT', s.defauts & 32 <> 0),
                   ('ADRESSE_INCOMPLETE', s.defauts & 64 <> 0),
                   ('COMMUNE_INVALIDE', s.defauts & 128 <> 0),
                   ('TYPOLOGIE_INCOHERENTE',
                    (s.typologie IN ('CHAMBRE', 'T1') AND 1 + s.co_demandeur::int + s.personnes_a_charge >= 3)
                    OR (s.typologie = 'T2' AND 1 + s.co_demandeur::int + s.personnes_a_charge >= 5)
                    OR (s.typologie IN ('T5', 'T6_PLUS') AND 1 + s.co_demandeur::int + s.personnes_a_charge = 1)),
                   ('SITUATION_PROFESSIONNELLE_ABSENTE', s.defauts & 256 <> 0),
                   ('LOGEMENT_ACTUEL_ABSENT', s.defauts & 512 <> 0),
                   ('MOTIF_ABSENT', s.defauts & 1024 <> 0)) AS v (indicateur, retenu)
     WHERE v.retenu
$$;

-- Adds the signed changes of a statement to the counts of the active demands' identities and NIRs (in the keys'
-- order, so that two statements wait for each other rather than deadlock).
CREATE FUNCTION stat_doublons_ajouter(identites stat_doublon_identite[], nirs stat_doublon_nir[]) RETURNS VOID
    LANGUAGE plpgsql AS $$
BEGIN
    -- PL/pgSQL rather than SQL: its plans are kept for the session (a SQL function is planned at each call)
    INSERT INTO stat_doublon_identite AS d (identite, date_naissance, n)
    SELECT i.identite, i.date_naissance, sum(i.n) FROM unnest(identites) i
     GROUP BY 1, 2 HAVING sum(i.n) <> 0 ORDER BY 1, 2
    ON CONFLICT (identite, date_naissance) DO UPDATE SET n = d.n + EXCLUDED.n;
    INSERT INTO stat_doublon_nir AS d (nir, n)
    SELECT i.nir, sum(i.n) FROM unnest(nirs) i
     GROUP BY 1 HAVING sum(i.n) <> 0 ORDER BY 1
    ON CONFLICT (nir) DO UPDATE SET n = d.n + EXCLUDED.n;
END;
$$;

-- The statistical row's trigger (V18) with the quality's changes and the identities' counts.
CREATE OR REPLACE FUNCTION stat_demande_ensemble() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        WITH retirees AS (
            DELETE FROM stat_demande s USING demandes_avant a
             WHERE s.numero_unique = a.numero_unique
            RETURNING s.*
        ), stock AS (
            INSERT INTO stat_stock_ecart (territoire, dimension, modalite, n)
            SELECT e.territoire, e.dimension, e.modalite, sum(e.n)
              FROM retirees r CROSS JOIN LATERAL stat_stock_lignes(r, -1) e
             WHERE r.statut = 'ACTIVE'
             GROUP BY 1, 2, 3
        )
        INSERT INTO stat_qualite_ecart (guichet, indicateur, n)
        SELECT e.guichet, e.indicateur, sum(e.n)
          FROM retirees r CROSS JOIN LATERAL stat_qualite_lignes(r, -1) e
         WHERE r.statut = 'ACTIVE'
         GROUP BY 1, 2;
        PERFORM stat_doublons_ajouter(
            ARRAY(SELECT ROW(a.identite, a.date_naissance, -1)::stat_doublon_identite
                    FROM demandes_avant a WHERE a.statut = 'ACTIVE'),
            ARRAY(SELECT ROW(a.nir, -1)::stat_doublon_nir
                    FROM demandes_avant a WHERE a.statut = 'ACTIVE' AND a.nir IS NOT NULL));
    ELSE
        WITH avant AS (
            SELECT s.* FROM stat_demande s JOIN demandes_apres n ON n.numero_unique = s.numero_unique
        ), apres AS (
            INSERT INTO stat_demande
            SELECT src.* FROM stat_demande_source src JOIN demandes_apres n ON n.numero_unique = src.numero_unique
            ON CONFLICT (numero_unique) DO UPDATE SET
                statut = EXCLUDED.statut, territoire = EXCLUDED.territoire, commune = EXCLUDED.commune,
                guichet = EXCLUDED.guichet, typologie = EXCLUDED.typologie, co_demandeur = EXCLUDED.co_demandeur,
                personnes_a_charge = EXCLUDED.personnes_a_charge, date_naissance = EXCLUDED.date_naissance,
                revenu_fiscal = EXCLUDED.revenu_fiscal, mutation = EXCLUDED.mutation,
                date_depot = EXCLUDED.date_depot, date_validite = EXCLUDED.date_validite,
                motif_radiation = EXCLUDED.motif_radiation, date_radiation = EXCLUDED.date_radiation,
                defauts = EXCLUDED.defauts
            RETURNING *
        ), ecarts AS (
            SELECT e.* FROM avant a CROSS JOIN LATERAL stat_stock_lignes(a, -1) e WHERE a.statut = 'ACTIVE'
            UNION ALL
            SELECT e.* FROM apres p CROSS JOIN LATERAL stat_stock_lignes(p, 1) e WHERE p.statut = 'ACTIVE'
        ), stock AS (
            INSERT INTO stat_stock_ecart (territoire, dimension, modalite, n)
            SELECT territoire, dimension, modalite, sum(n) FROM ecarts
             GROUP BY 1, 2, 3
            HAVING sum(n) <> 0
        ), qualite AS (
            SELECT e.* FROM avant a CROSS JOIN LATERAL stat_qualite_lignes(a, -1) e WHERE a.statut = 'ACTIVE'
            UNION ALL
            SELECT e.* FROM apres p CROSS JOIN LATERAL stat_qualite_lignes(p, 1) e WHERE p.statut = 'ACTIVE'
        )
        INSERT INTO stat_qualite_ecart (guichet, indicateur, n)
        SELECT guichet, indicateur, sum(n) FROM qualite
         GROUP BY 1, 2
        HAVING sum(n) <> 0;
        IF TG_OP = 'INSERT' THEN
            PERFORM stat_doublons_ajouter(
                ARRAY(SELECT ROW(n.identite, n.date_naissance, 1)::stat_doublon_identite
                        FROM demandes_apres n WHERE n.statut = 'ACTIVE'),
                ARRAY(SELECT ROW(n.nir, 1)::stat_doublon_nir
                        FROM demandes_apres n WHERE n.statut = 'ACTIVE' AND n.nir IS NOT NULL));
        ELSE
            PERFORM stat_doublons_ajouter(
                ARRAY(SELECT ROW(a.identite, a.date_naissance, -1)::stat_doublon_identite
                        FROM demandes_avant a WHERE a.statut = 'ACTIVE'
                      UNION ALL
                      SELECT ROW(n.identite, n.date_naissance, 1)::stat_doublon_identite
                        FROM demandes_apres n WHERE n.statut = 'ACTIVE'),
                ARRAY(SELECT ROW(a.nir, -1)::stat_doublon_nir
                        FROM demandes_avant a WHERE a.statut = 'ACTIVE' AND a.nir IS NOT NULL
                      UNION ALL
                      SELECT ROW(n.nir, 1)::stat_doublon_nir
                        FROM demandes_apres n WHERE n.statut = 'ACTIVE' AND n.nir IS NOT NULL));
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

-- The fold (V15) with the quality's changes.
CREATE OR REPLACE FUNCTION stat_rafraichir() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    comptes BIGINT;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('stat_rafraichir')) THEN
        RETURN 0;
    END IF;
    WITH ecarts AS (
        DELETE FROM stat_stock_ecart RETURNING territoire, dimension, modalite, n
    )
    INSERT INTO stat_stock AS s (territoire, dimension, modalite, n)
    SELECT territoire, dimension, modalite, sum(n) FROM ecarts GROUP BY 1, 2, 3
    ON CONFLICT (dimension, territoire, modalite) DO UPDATE SET n = s.n + EXCLUDED.n;
    WITH ecarts AS (
        DELETE FROM stat_qualite_ecart RETURNING guichet, indicateur, n
    )
    INSERT INTO stat_qualite AS q (guichet, indicateur, n)
    SELECT guichet, indicateur, sum(n) FROM ecarts GROUP BY 1, 2
    ON CONFLICT (guichet, indicateur) DO UPDATE SET n = q.n + EXCLUDED.n;
    DELETE FROM stat_qualite WHERE n = 0;
    DELETE FROM stat_doublon_identite WHERE n = 0;
    DELETE FROM stat_doublon_nir WHERE n = 0;
    WITH lot AS (
        UPDATE stat_mouvement SET agrege = true WHERE NOT agrege
        RETURNING territoire, jour, guichet, nature, coalesce(motif, '') AS motif
    ), par_jour AS (
        INSERT INTO stat_flux_jour AS s (territoire, jour, guichet, nature, motif, n)
        SELECT territoire, jour, guichet, nature, motif, count(*) FROM lot GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (territoire, jour, guichet, nature, motif) DO UPDATE SET n = s.n + EXCLUDED.n
    ), par_mois AS (
        INSERT INTO stat_flux_mois AS s (territoire, mois, nature, motif, n)
        SELECT territoire, date_trunc('month', jour)::date, nature, motif, count(*) FROM lot GROUP BY 1, 2, 3, 4
        ON CONFLICT (territoire, mois, nature, motif) DO UPDATE SET n = s.n + EXCLUDED.n
    )
    SELECT count(*) INTO comptes FROM lot;
    RETURN comptes;
END;
$$;

-- Counts every pending demand again (migration, bulk loads): the stock's breakdowns (V15), the quality and the
-- identities.
CREATE OR REPLACE FUNCTION stat_stock_reconstruire() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    lignes BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('stat_rafraichir'));
    DELETE FROM stat_stock_ecart;
    DELETE FROM stat_stock;
    INSERT INTO stat_stock (territoire, dimension, modalite, n)
    SELECT e.territoire, e.dimension, e.modalite, sum(e.n)
      FROM stat_demande s CROSS JOIN LATERAL stat_stock_lignes(s, 1) e
     WHERE s.statut = 'ACTIVE'
     GROUP BY 1, 2, 3;
    GET DIAGNOSTICS lignes = ROW_COUNT;
    DELETE FROM stat_qualite_ecart;
    DELETE FROM stat_qualite;
    INSERT INTO stat_qualite (guichet, indicateur, n)
    SELECT e.guichet, e.indicateur, sum(e.n)
      FROM stat_demande s CROSS JOIN LATERAL stat_qualite_lignes(s, 1) e
     WHERE s.statut = 'ACTIVE'
     GROUP BY 1, 2;
    DELETE FROM stat_doublon_identite;
    DELETE FROM stat_doublon_nir;
    INSERT INTO stat_doublon_identite (identite, date_naissance, n)
    SELECT identite, date_naissance, count(*) FROM demande WHERE statut = 'ACTIVE' GROUP BY 1, 2;
    INSERT INTO stat_doublon_nir (nir, n)
    SELECT nir, count(*) FROM demande WHERE statut = 'ACTIVE' AND nir IS NOT NULL GROUP BY 1;
    RETURN lignes;
END;
$$;

SELECT stat_stock_reconstruire();
-- their statistics now, for the planner's first readings (without them it scanned every identity: 4.7 s nationally)
ANALYZE stat_qualite;
ANALYZE stat_doublon_identite;
ANALYZE stat_doublon_nir;
