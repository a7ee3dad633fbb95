-- Attribution (owner: attribution): the cotation. A territory (département, or EPCI by its SIREN) has a grid of
-- criteria and points, versioned (every definition is a new version, the old ones stay); a demand is scored by the
-- latest grid of the EPCI of its first commune, else of its département. Its points are kept in rapprochement (the
-- matching ranks by them), computed by cotation_detail() — the one place the rule is written — when the demand changes,
-- when a DALO decision arrives, when the grid changes and, for the points of ancienneté, on the monthly anniversary of
-- the filing.

CREATE TABLE grille_cotation (
    id            BIGSERIAL     PRIMARY KEY,
    territoire    VARCHAR(9)    NOT NULL,
    version       INTEGER       NOT NULL,
    criteres      JSONB         NOT NULL,
    acteur        VARCHAR(200)  NOT NULL,
    organisation  VARCHAR(20),
    canal         VARCHAR(10)   NOT NULL,
    cree_le       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    appliquee_le  TIMESTAMPTZ,
    CONSTRAINT grille_cotation_uk UNIQUE (territoire, version),
    CONSTRAINT grille_cotation_territoire_ck CHECK (territoire ~ '^([0-9]{2}[0-9AB]|[0-9]{9})$'),
    CONSTRAINT grille_cotation_criteres_ck CHECK (jsonb_typeof(criteres) = 'array')
);
COMMENT ON TABLE grille_cotation IS 'Grilles de cotation par territoire, chaque définition une nouvelle version.';

CREATE INDEX epci_commune_commune_idx ON epci_commune (commune);

-- Days the monthly points of ancienneté were brought up to date.
CREATE TABLE cotation_recalcul (
    jour        DATE         PRIMARY KEY,
    demandes    BIGINT       NOT NULL,
    termine_le  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The grid that scores a demand: the latest version of the EPCI of its first commune, else of its département.
CREATE FUNCTION cotation_grille(commune TEXT, territoire TEXT) RETURNS grille_cotation LANGUAGE sql STABLE AS $$
    SELECT g.* FROM grille_cotation g
     WHERE g.territoire = $2 OR g.territoire IN (SELECT e.epci FROM epci_commune e WHERE e.commune = $1)
     ORDER BY length(g.territoire) DESC, g.version DESC
     LIMIT 1
$$;

-- Whole months from the filing to the day.
CREATE FUNCTION cotation_mois(depot DATE, jour DATE) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
    SELECT greatest(0, (extract(year FROM age(jour, depot)) * 12 + extract(month FROM age(jour, depot)))::int)
$$;

-- The points of each criterion of a grid for a demand. Criterion types: PRIORITE (valeur: a legal priority category
-- of rapprochement_faits), DALO, MOTIF (valeur: a motive of the dossier), STATUT_LOGEMENT (valeur: the current
-- housing status), MUTATION, ANCIENNETE_MOIS (points per whole month since the filing), PERSONNE_A_CHARGE (points per
-- dependant); "plafond", when given, caps a criterion's points.
CREATE FUNCTION cotation_detail(criteres JSONB, dossier JSONB, dalo BOOLEAN, depot DATE, jour DATE)
    RETURNS TABLE (code TEXT, libelle TEXT, points INTEGER)
    LANGUAGE sql STABLE AS $$
    SELECT c->>'code', c->>'libelle',
           least(coalesce((c->>'plafond')::int, 2147483647),
                 (c->>'points')::int * CASE c->>'type'
                     WHEN 'PRIORITE' THEN (c->>'valeur' = ANY (f.priorites))::int
                     WHEN 'DALO' THEN dalo::int
                     WHEN 'MOTIF' THEN coalesce(dossier->'motifs' ? (c->>'valeur'), false)::int
                     WHEN 'STATUT_LOGEMENT' THEN coalesce(dossier->'logementActuel'->>'statut' = c->>'valeur',
                                                          false)::int
                     WHEN 'MUTATION' THEN f.mutation::int
                     WHEN 'ANCIENNETE_MOIS' THEN cotation_mois(depot, jour)
                     WHEN 'PERSONNE_A_CHARGE' THEN CASE WHEN jsonb_typeof(dossier->'personnesACharge') = 'array'
                                                        THEN jsonb_array_length(dossier->'personnesACharge')
                                                        ELSE 0 END
                     ELSE 0 END)
      FROM jsonb_array_elements(criteres) WITH ORDINALITY AS x (c, n)
     CROSS JOIN rapprochement_faits(dossier, jour) f
     ORDER BY x.n
$$;

-- A demand's total under its grid (0 without a grid). PL/pgSQL: its plans are kept by the session.
CREATE FUNCTION cotation_points(commune TEXT, territoire TEXT, dossier JSONB, dalo BOOLEAN, depot DATE, jour DATE)
    RETURNS INTEGER LANGUAGE plpgsql STABLE AS $$
DECLARE
    criteres JSONB;
    total INTEGER;
BEGIN
    SELECT g.criteres INTO criteres FROM grille_cotation g
     WHERE g.territoire = cotation_points.territoire
        OR g.territoire IN (SELECT e.epci FROM epci_commune e WHERE e.commune = cotation_points.commune)
     ORDER BY length(g.territoire) DESC, g.version DESC
     LIMIT 1;
    IF criteres IS NULL THEN
        RETURN 0;
    END IF;
    SELECT coalesce(sum(d.points), 0)::int INTO total FROM cotation_detail(criteres, dossier, dalo, depot, jour) d;
    RETURN total;
END;
$$;

-- The matching rows, now with the points of the demand's grid (no grid lookup while no territory has a grid).
CREATE OR REPLACE FUNCTION rapprochement_rafraichir(ids BIGINT[], effacer BOOLEAN) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    jour DATE := (now() AT TIME ZONE 'Europe/Paris')::date;
    grilles BOOLEAN := EXISTS (SELECT 1 FROM grille_cotation);
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
                               nb_priorites, dalo, points)
    SELECT DISTINCT ON (c.commune, t.typologie, d.id) c.commune, t.typologie, d.id, c.rang, d.numero_unique,
           d.territoire, d.date_depot, f.taille_menage, f.unites_consommation, f.ressources_mensuelles,
           f.revenu_fiscal, f.loyer_max, f.ascenseur, f.rez_de_chaussee, f.mobilite_reduite, f.fauteuil_roulant,
           f.mutation, f.priorites, cardinality(f.priorites), x.dalo,
           CASE WHEN grilles THEN cotation_points(d.commune, d.territoire, d.dossier, x.dalo, d.date_depot, jour)
                ELSE 0 END
      FROM demande d
     CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM recours_dalo r WHERE r.numero_unique = d.numero_unique
                                                                      AND r.decision = 'PRIORITAIRE_URGENT') AS dalo) x
     CROSS JOIN LATERAL rapprochement_faits(d.dossier, jour) f
     CROSS JOIN LATERAL unnest(d.communes) WITH ORDINALITY AS c (commune, rang)
     CROSS JOIN LATERAL unnest(d.typologies) AS t (typologie)
     WHERE d.id = ANY (ids) AND d.statut = 'ACTIVE'
     ORDER BY c.commune, t.typologie, d.id, c.rang;
END;
$$;

-- A DALO decision changes the priority and the points: the demand's rows are rebuilt.
CREATE OR REPLACE FUNCTION rapprochement_dalo() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM rapprochement_rafraichir(ARRAY(SELECT d.id FROM demande d
                                            WHERE d.numero_unique IN (SELECT numero_unique FROM recours_apres)), true);
    RETURN NULL;
END;
$$;

-- The points of a set of pending demands brought up to date (rows whose points changed only).
CREATE FUNCTION cotation_recalculer(ids BIGINT[], jour DATE) RETURNS BIGINT LANGUAGE sql AS $$
    WITH p AS (
        SELECT d.id, cotation_points(d.commune, d.territoire, d.dossier, r.dalo, d.date_depot, jour) AS points
          FROM demande d
          JOIN LATERAL (SELECT dalo FROM rapprochement WHERE demande_id = d.id LIMIT 1) r ON true
         WHERE d.id = ANY (ids) AND d.statut = 'ACTIVE'
    ), maj AS (
        UPDATE rapprochement r SET points = p.points FROM p
         WHERE r.demande_id = p.id AND r.points <> p.points
        RETURNING r.demande_id
    )
    SELECT count(DISTINCT demande_id) FROM maj
$$;

-- The attributions of similar demands (same first commune and typology) over the last months, read by the cotation.
CREATE INDEX demande_attribuee_idx ON demande (commune, typologie, date_radiation)
    WHERE statut = 'RADIEE' AND motif_radiation = 'ATTRIBUTION';
