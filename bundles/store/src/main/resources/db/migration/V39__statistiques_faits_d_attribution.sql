-- Statistics (owner: statistiques). The satisfied demands by priority category, réservataire or landlord (the
-- report's attribution tables and the collective agreements' follow-up) read, for each attributed demand of the
-- period, its dossier and its radiation in demande, and computed the priority categories from the dossier
-- (rapprochement_faits, V21) at each reading: 15.4 s for the national table by priority alone (143,645 attributions,
-- issue 23). These facts are fixed once the lease is signed: the statistical row now keeps them, computed when the
-- demand is radiated for attribution (and again if its dossier or radiation changes), by the same trigger and the
-- same rule as before.

ALTER TABLE stat_demande
    ADD COLUMN attribution_priorite      VARCHAR(40),
    ADD COLUMN attribution_bailleur      TEXT,
    ADD COLUMN attribution_reservataire  TEXT;
COMMENT ON COLUMN stat_demande.attribution_priorite IS 'Demande attribuée : DALO, sa première catégorie prioritaire'
    ' (rapprochement_faits) ou SANS_PRIORITE.';

-- The priority category of an attribution: DALO when the lease says so, else the first legal priority category of
-- the dossier on the day of the radiation, else SANS_PRIORITE.
CREATE FUNCTION stat_attribution_priorite(dossier JSONB, radiation JSONB, jour DATE) RETURNS TEXT
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN coalesce((radiation->'attribution'->>'dalo')::boolean, false) THEN 'DALO'
                ELSE coalesce((rapprochement_faits(dossier, jour)).priorites[1], 'SANS_PRIORITE') END
$$;

-- The statistical row's source (V15) with the attribution's facts, as its last columns.
CREATE OR REPLACE VIEW stat_demande_source AS
SELECT d.numero_unique, d.statut, d.territoire, d.commune, d.guichet, d.typologie,
       coalesce(jsonb_typeof(d.dossier->'coDemandeur') = 'object', false) AS co_demandeur,
       CASE WHEN jsonb_typeof(d.dossier->'personnesACharge') = 'array'
            THEN jsonb_array_length(d.dossier->'personnesACharge') ELSE 0 END AS personnes_a_charge,
       d.date_naissance,
       CASE WHEN jsonb_typeof(d.dossier->'revenuFiscal'->'anneeN2') = 'number'
            THEN (d.dossier->'revenuFiscal'->>'anneeN2')::numeric::bigint END AS revenu_fiscal,
       coalesce(d.dossier->'logementActuel'->>'statut' = 'LOCATAIRE_HLM', false) AS mutation,
       d.date_depot, d.date_validite, d.motif_radiation, d.date_radiation,
       (CASE WHEN (CASE WHEN jsonb_typeof(d.dossier->'ressources') = 'array'
                        THEN jsonb_array_length(d.dossier->'ressources') ELSE 0 END) = 0 THEN 1 ELSE 0 END)
       | (CASE WHEN jsonb_typeof(d.dossier->'revenuFiscal'->'anneeN2') IS DISTINCT FROM 'number' THEN 2 ELSE 0 END)
       | (CASE WHEN jsonb_path_exists(d.dossier, '$.ressources[*] ? (!(exists(@.montantMensuel))
                                       || @.montantMensuel == null || @.montantMensuel == 0)') THEN 4 ELSE 0 END)
       | (CASE WHEN d.nir IS NULL THEN 8 ELSE 0 END)
       | (CASE WHEN nullif(btrim(d.dossier->'contact'->>'email'), '') IS NULL THEN 16 ELSE 0 END)
       | (CASE WHEN nullif(btrim(d.dossier->'contact'->>'telephone'), '') IS NULL THEN 32 ELSE 0 END)
       | (CASE WHEN nullif(btrim(d.dossier->'contact'->>'adresse'), '') IS NULL
                 OR nullif(btrim(d.dossier->'contact'->>'codePostal'), '') IS NULL
                 OR nullif(btrim(d.dossier->'contact'->>'ville'), '') IS NULL THEN 64 ELSE 0 END)
       | (CASE WHEN d.commune LIKE '%000'
                 OR CASE WHEN d.commune LIKE '97%' THEN substr(d.commune, 1, 3)
                         WHEN d.commune ~ '^2[AB]' THEN '02' || substr(d.commune, 2, 1)
                         ELSE '0' || substr(d.commune, 1, 2) END <> d.territoire THEN 128 ELSE 0 END)
       | (CASE WHEN d.dossier->'demandeur'->>'situationProfessionnelle' IS NULL THEN 256 ELSE 0 END)
       | (CASE WHEN d.dossier->'logementActuel'->>'statut' IS NULL THEN 512 ELSE 0 END)
       | (CASE WHEN (CASE WHEN jsonb_typeof(d.dossier->'motifs') = 'array'
                          THEN jsonb_array_length(d.dossier->'motifs') ELSE 0 END) = 0 THEN 1024 ELSE 0 END)
           AS defauts,
       d.date_depot AS derniere_activite,
       CASE WHEN d.motif_radiation = 'ATTRIBUTION'
            THEN stat_attribution_priorite(d.dossier, d.radiation, d.date_radiation) END AS attribution_priorite,
       CASE WHEN d.motif_radiation = 'ATTRIBUTION' THEN nullif(btrim(d.radiation->'attribution'->>'bailleur'), '')
            END AS attribution_bailleur,
       CASE WHEN d.motif_radiation = 'ATTRIBUTION' THEN nullif(btrim(d.radiation->'attribution'->>'reservataire'), '')
            END AS attribution_reservataire
  FROM demande d;

-- The statistical row's trigger (V38) keeping them on an update.
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
                defauts = EXCLUDED.defauts, attribution_priorite = EXCLUDED.attribution_priorite,
                attribution_bailleur = EXCLUDED.attribution_bailleur,
                attribution_reservataire = EXCLUDED.attribution_reservataire
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

-- The attribution facts of every statistical row again, from the demands (this migration; after a bulk load with the
-- triggers off).
CREATE FUNCTION stat_attributions_reconstruire() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    lignes BIGINT;
BEGIN
    UPDATE stat_demande s
       SET attribution_priorite = src.attribution_priorite, attribution_bailleur = src.attribution_bailleur,
           attribution_reservataire = src.attribution_reservataire
      FROM (SELECT d.numero_unique,
                   stat_attribution_priorite(d.dossier, d.radiation, d.date_radiation) AS attribution_priorite,
                   nullif(btrim(d.radiation->'attribution'->>'bailleur'), '') AS attribution_bailleur,
                   nullif(btrim(d.radiation->'attribution'->>'reservataire'), '') AS attribution_reservataire
              FROM demande d WHERE d.motif_radiation = 'ATTRIBUTION') src
     WHERE s.numero_unique = src.numero_unique;
    GET DIAGNOSTICS lignes = ROW_COUNT;
    UPDATE stat_demande SET attribution_priorite = NULL, attribution_bailleur = NULL, attribution_reservataire = NULL
     WHERE motif_radiation IS DISTINCT FROM 'ATTRIBUTION'
       AND (attribution_priorite IS NOT NULL OR attribution_bailleur IS NOT NULL
            OR attribution_reservataire IS NOT NULL);
    RETURN lignes;
END;
$$;

SELECT stat_attributions_reconstruire();
