-- Statistics (owner: statistiques). The statistical row of a demand (stat_demande) and the stock's changes
-- (stat_stock_ecart) were kept by a row-level trigger: one SELECT, one upsert and four inserts for every demand
-- written, which made a bulk load (an import, a campaign's radiations) pay them row by row. The same rules, once per
-- statement, over the statement's transition tables:
--  * stat_demande: the rows of the statement's demands, from stat_demande_source (derniere_activite is the
--    history's: left as it is on an update); the rows of deleted demands removed;
--  * stat_stock_ecart: -1 for each demand that was pending before (its previous statistical row), +1 for each one
--    pending after, by dimension and modality, summed: a demand whose counted modalities did not change adds
--    nothing, as before. Readers and stat_rafraichir() sum the changes, so the figures are the same.
-- PostgreSQL allows transition tables on a trigger of one event only: three triggers share the function.

DROP TRIGGER stat_demande_maj ON demande;
DROP FUNCTION stat_demande_maj();
DROP FUNCTION stat_stock_ecart_demande(stat_demande, INTEGER);

-- The four rows of a demand in stat_stock, with a sign (a set-returning function the triggers join).
CREATE FUNCTION stat_stock_lignes(s stat_demande, signe INTEGER)
    RETURNS TABLE (territoire TEXT, dimension TEXT, modalite TEXT, n INTEGER)
    LANGUAGE sql IMMUTABLE AS $$
    VALUES (s.territoire::text, 'TYPOLOGIE', s.typologie::text, signe),
           (s.territoire::text, 'TAILLE_MENAGE', stat_taille_menage(s.co_demandeur, s.personnes_a_charge), signe),
           (s.territoire::text, 'COMPOSITION', stat_composition(s.co_demandeur, s.personnes_a_charge), signe),
           (s.territoire::text, 'MUTATION', stat_mutation(s.mutation), signe)
$$;

CREATE FUNCTION stat_demande_ensemble() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        WITH retirees AS (
            DELETE FROM stat_demande s USING demandes_avant a
             WHERE s.numero_unique = a.numero_unique
            RETURNING s.*
        )
        INSERT INTO stat_stock_ecart (territoire, dimension, modalite, n)
        SELECT e.territoire, e.dimension, e.modalite, sum(e.n)
          FROM retirees r CROSS JOIN LATERAL stat_stock_lignes(r, -1) e
         WHERE r.statut = 'ACTIVE'
         GROUP BY 1, 2, 3;
        RETURN NULL;
    END IF;
    WITH avant AS (
        SELECT s.* FROM stat_demande s JOIN demandes_apres n ON n.numero_unique = s.numero_unique
    ), apres AS (
        INSERT INTO stat_demande
        SELECT src.* FROM stat_demande_source src JOIN demandes_apres n ON n.numero_unique = src.numero_unique
        ON CONFLICT (numero_unique) DO UPDATE SET
            statut = EXCLUDED.statut, territoire = EXCLUDED.territoire, commune = EXCLUDED.commune,
            guichet = EXCLUDED.guichet, typologie = EXCLUDED.typologie, co_demandeur = EXCLUDED.co_demandeur,
            personnes_a_charge = EXCLUDED.personnes_a_charge, date_naissance = EXCLUDED.date_naissance,
            revenu_fiscal = EXCLUDED.revenu_fiscal, mutation = EXCLUDED.mutation, date_depot = EXCLUDED.date_depot,
            date_validite = EXCLUDED.date_validite, motif_radiation = EXCLUDED.motif_radiation,
            date_radiation = EXCLUDED.date_radiation, defauts = EXCLUDED.defauts
        RETURNING *
    ), ecarts AS (
        SELECT e.* FROM avant a CROSS JOIN LATERAL stat_stock_lignes(a, -1) e WHERE a.statut = 'ACTIVE'
        UNION ALL
        SELECT e.* FROM apres p CROSS JOIN LATERAL stat_stock_lignes(p, 1) e WHERE p.statut = 'ACTIVE'
    )
    INSERT INTO stat_stock_ecart (territoire, dimension, modalite, n)
    SELECT territoire, dimension, modalite, sum(n) FROM ecarts
     GROUP BY 1, 2, 3
    HAVING sum(n) <> 0;
    RETURN NULL;
END;
$$;


CREATE TRIGGER stat_demande_ajout AFTER INSERT ON demande
    REFERENCING NEW TABLE AS demandes_apres
    FOR EACH STATEMENT EXECUTE FUNCTION stat_demande_ensemble();
CREATE TRIGGER stat_demande_maj AFTER UPDATE ON demande
    REFERENCING OLD TABLE AS demandes_avant NEW TABLE AS demandes_apres
    FOR EACH STATEMENT EXECUTE FUNCTION stat_demande_ensemble();
CREATE TRIGGER stat_demande_retrait AFTER DELETE ON demande
    REFERENCING OLD TABLE AS demandes_avant
    FOR EACH STATEMENT EXECUTE FUNCTION stat_demande_ensemble();

-- The movements of the history (stat_mouvement_historique, V15), once per statement as well. A demand with one
-- history entry in the statement (a registration, a radiation, an import's or a campaign's batch) gets its movements
-- in set-based statements; a demand with several entries in one statement gets them entry by entry in their order,
-- since a change of commune is measured against the demand's previous movement.
DROP TRIGGER stat_mouvement_historique ON demande_historique;

CREATE FUNCTION stat_mouvement_entree(h demande_historique) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    d         RECORD;
    le_jour   DATE := (h.horodatage AT TIME ZONE 'Europe/Paris')::date;
    derniere  VARCHAR(5);
BEGIN
    SELECT statut, motif_radiation, territoire, commune, guichet INTO d
      FROM demande WHERE numero_unique = h.numero_unique;
    IF h.operation = 'ENREGISTREMENT' THEN
        INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
        VALUES (h.numero_unique, le_jour, 'ENTREE', NULL, d.territoire, d.commune, d.guichet);
        IF d.statut = 'RADIEE' THEN
            INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
            VALUES (h.numero_unique, le_jour, 'SORTIE', d.motif_radiation, d.territoire, d.commune, d.guichet);
        END IF;
    ELSIF h.operation = 'RADIATION' THEN
        INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
        VALUES (h.numero_unique, le_jour, 'SORTIE', d.motif_radiation, d.territoire, d.commune, d.guichet);
    ELSIF h.operation = 'REACTIVATION' THEN
        INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
        VALUES (h.numero_unique, le_jour, 'RETOUR', NULL, d.territoire, d.commune, d.guichet);
    ELSIF h.operation IN ('MODIFICATION', 'RENOUVELLEMENT') AND d.statut = 'ACTIVE' THEN
        SELECT commune INTO derniere FROM stat_mouvement
         WHERE numero_unique = h.numero_unique ORDER BY id DESC LIMIT 1;
        IF derniere IS NOT NULL AND derniere <> d.commune THEN
            INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet,
                                        commune_autre, agrege)
            VALUES (h.numero_unique, le_jour, 'TRANSFERT_SORTANT', NULL, d.territoire, derniere, d.guichet,
                    d.commune, true),
                   (h.numero_unique, le_jour, 'TRANSFERT_ENTRANT', NULL, d.territoire, d.commune, d.guichet,
                    derniere, true);
        END IF;
        IF h.operation = 'RENOUVELLEMENT' THEN
            INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
            VALUES (h.numero_unique, le_jour, 'RENOUVELLEMENT', NULL, d.territoire, d.commune, d.guichet);
        END IF;
    END IF;
END;
$$;

CREATE FUNCTION stat_mouvement_ensemble() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entree  demande_historique;
BEGIN
    -- the last activity of each demand
    UPDATE stat_demande s SET derniere_activite = a.jour
      FROM (SELECT numero_unique, max((horodatage AT TIME ZONE 'Europe/Paris')::date) AS jour
              FROM historique_apres GROUP BY 1) a
     WHERE s.numero_unique = a.numero_unique AND s.derniere_activite < a.jour;
    -- demands with one entry in the statement
    INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet, commune_autre,
                                agrege)
    SELECT m.numero_unique, m.jour, m.nature, m.motif, m.territoire, m.commune, m.guichet, m.commune_autre, m.agrege
      FROM (SELECT n.id, n.numero_unique, n.operation, (n.horodatage AT TIME ZONE 'Europe/Paris')::date AS jour,
                   count(*) OVER (PARTITION BY n.numero_unique) AS entrees
              FROM historique_apres n) h
      JOIN demande d ON d.numero_unique = h.numero_unique
      LEFT JOIN LATERAL (SELECT commune FROM stat_mouvement p WHERE p.numero_unique = h.numero_unique
                          ORDER BY p.id DESC LIMIT 1) derniere
             ON h.operation IN ('MODIFICATION', 'RENOUVELLEMENT') AND d.statut = 'ACTIVE'
      CROSS JOIN LATERAL (VALUES
            (1, h.operation = 'ENREGISTREMENT', 'ENTREE', NULL::varchar, d.commune, NULL::varchar, false),
            (2, h.operation = 'ENREGISTREMENT' AND d.statut = 'RADIEE', 'SORTIE', d.motif_radiation, d.commune,
                NULL, false),
            (3, h.operation = 'RADIATION', 'SORTIE', d.motif_radiation, d.commune, NULL, false),
            (4, h.operation = 'REACTIVATION', 'RETOUR', NULL, d.commune, NULL, false),
            (5, derniere.commune IS NOT NULL AND derniere.commune <> d.commune, 'TRANSFERT_SORTANT', NULL,
                derniere.commune, d.commune, true),
            (6, derniere.commune IS NOT NULL AND derniere.commune <> d.commune, 'TRANSFERT_ENTRANT', NULL,
                d.commune, derniere.commune, true),
            (7, h.operation = 'RENOUVELLEMENT' AND d.statut = 'ACTIVE', 'RENOUVELLEMENT', NULL, d.commune, NULL,
                false))
            AS v(rang, retenu, nature, motif, commune, commune_autre, agrege)
      CROSS JOIN LATERAL (SELECT h.numero_unique, h.jour, v.nature, v.motif, d.territoire, v.commune, d.guichet,
                                 v.commune_autre, v.agrege) m
     WHERE h.entrees = 1 AND v.retenu
     ORDER BY h.id, v.rang;
    -- demands with several entries: one entry after the other
    FOR entree IN SELECT n.* FROM historique_apres n
              WHERE n.numero_unique IN (SELECT numero_unique FROM historique_apres GROUP BY 1 HAVING count(*) > 1)
              ORDER BY n.id
    LOOP
        PERFORM stat_mouvement_entree(entree);
    END LOOP;
    RETURN NULL;
END;
$$;

DROP FUNCTION stat_mouvement_historique();

CREATE TRIGGER stat_mouvement_historique AFTER INSERT ON demande_historique
    REFERENCING NEW TABLE AS historique_apres
    FOR EACH STATEMENT EXECUTE FUNCTION stat_mouvement_ensemble();
