-- Statistics (owner: statistiques): the demands brought in by a departmental import are a "reprise", not new demands.
-- An import of 3,895 demands filed from 2023 to 2026 showed as 3,895 new demands on the import day. A registration
-- written by the import (history canal IMPORT) now enters the stock as a movement REPRISE: it counts in its own column
-- of the stock and flow table and of the monthly series, on the import day (the stock's identity holds:
-- stock end = stock start + new + reprises + reactivated - radiated), and "nouvelles" keeps its meaning: demands
-- filed in the period. The movements, daily and monthly rollups written before this version are reclassified below.

ALTER TABLE stat_mouvement DROP CONSTRAINT stat_mouvement_nature_ck,
    ADD CONSTRAINT stat_mouvement_nature_ck CHECK (nature IN
        ('ENTREE', 'REPRISE', 'SORTIE', 'RETOUR', 'TRANSFERT_SORTANT', 'TRANSFERT_ENTRANT', 'RENOUVELLEMENT'));
ALTER TABLE stat_flux_jour DROP CONSTRAINT stat_flux_jour_nature_ck,
    ADD CONSTRAINT stat_flux_jour_nature_ck CHECK (nature IN ('ENTREE', 'REPRISE', 'SORTIE', 'RETOUR',
                                                              'RENOUVELLEMENT'));
ALTER TABLE stat_flux_mois DROP CONSTRAINT stat_flux_mois_nature_ck,
    ADD CONSTRAINT stat_flux_mois_nature_ck CHECK (nature IN ('ENTREE', 'REPRISE', 'SORTIE', 'RETOUR',
                                                              'RENOUVELLEMENT'));

-- the movement of a registration: a reprise when the import wrote it
CREATE FUNCTION stat_nature_entree(canal TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN canal = 'IMPORT' THEN 'REPRISE' ELSE 'ENTREE' END
$$;

CREATE OR REPLACE FUNCTION stat_mouvement_entree(h demande_historique) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    d         RECORD;
    le_jour   DATE := (h.horodatage AT TIME ZONE 'Europe/Paris')::date;
    derniere  VARCHAR(5);
BEGIN
    SELECT statut, motif_radiation, territoire, commune, guichet INTO d
      FROM demande WHERE numero_unique = h.numero_unique;
    IF h.operation = 'ENREGISTREMENT' THEN
        INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
        VALUES (h.numero_unique, le_jour, stat_nature_entree(h.canal), NULL, d.territoire, d.commune, d.guichet);
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

CREATE OR REPLACE FUNCTION stat_mouvement_ensemble() RETURNS trigger LANGUAGE plpgsql AS $$
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
      FROM (SELECT n.id, n.numero_unique, n.operation, n.canal,
                   (n.horodatage AT TIME ZONE 'Europe/Paris')::date AS jour,
                   count(*) OVER (PARTITION BY n.numero_unique) AS entrees
              FROM historique_apres n) h
      JOIN demande d ON d.numero_unique = h.numero_unique
      LEFT JOIN LATERAL (SELECT commune FROM stat_mouvement p WHERE p.numero_unique = h.numero_unique
                          ORDER BY p.id DESC LIMIT 1) derniere
             ON h.operation IN ('MODIFICATION', 'RENOUVELLEMENT') AND d.statut = 'ACTIVE'
      CROSS JOIN LATERAL (VALUES
            (1, h.operation = 'ENREGISTREMENT', stat_nature_entree(h.canal), NULL::varchar, d.commune,
                NULL::varchar, false),
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

-- What was written before: the imported registrations' movements become reprises, and the rollups that already
-- counted them move the same counts from ENTREE to REPRISE.
CREATE TEMPORARY TABLE reprise_reclassee (territoire CHAR(3), jour DATE, guichet VARCHAR(5), agrege BOOLEAN);
WITH reclassees AS (
    UPDATE stat_mouvement m SET nature = 'REPRISE'
      FROM demande_historique h
     WHERE h.numero_unique = m.numero_unique AND h.operation = 'ENREGISTREMENT' AND h.canal = 'IMPORT'
       AND m.nature = 'ENTREE'
    RETURNING m.territoire, m.jour, m.guichet, m.agrege
)
INSERT INTO reprise_reclassee SELECT * FROM reclassees;

UPDATE stat_flux_jour f SET n = f.n - r.n
  FROM (SELECT territoire, jour, guichet, count(*) AS n FROM reprise_reclassee WHERE agrege GROUP BY 1, 2, 3) r
 WHERE f.territoire = r.territoire AND f.jour = r.jour AND f.guichet = r.guichet AND f.nature = 'ENTREE'
   AND f.motif = '';
INSERT INTO stat_flux_jour (territoire, jour, guichet, nature, motif, n)
SELECT territoire, jour, guichet, 'REPRISE', '', count(*) FROM reprise_reclassee WHERE agrege GROUP BY 1, 2, 3;
UPDATE stat_flux_mois f SET n = f.n - r.n
  FROM (SELECT territoire, date_trunc('month', jour)::date AS mois, count(*) AS n
          FROM reprise_reclassee WHERE agrege GROUP BY 1, 2) r
 WHERE f.territoire = r.territoire AND f.mois = r.mois AND f.nature = 'ENTREE' AND f.motif = '';
INSERT INTO stat_flux_mois (territoire, mois, nature, motif, n)
SELECT territoire, date_trunc('month', jour)::date, 'REPRISE', '', count(*)
  FROM reprise_reclassee WHERE agrege GROUP BY 1, 2;
DELETE FROM stat_flux_jour WHERE nature = 'ENTREE' AND n = 0;
DELETE FROM stat_flux_mois WHERE nature = 'ENTREE' AND n = 0;
DROP TABLE reprise_reclassee;

COMMENT ON TABLE stat_mouvement IS
    'Mouvements du stock (entrées, reprises d''import, radiations, réactivations, changements de commune, '
    'renouvellements), un par entrée d''historique concernée.';
