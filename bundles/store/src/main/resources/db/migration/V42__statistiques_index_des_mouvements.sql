-- Statistics (owner: statistiques). The movements were read by territory and day before the rollups existed (V14);
-- since V15 every reading goes through the rollups, the movements not yet rolled up (stat_mouvement_a_agreger_idx),
-- a demand's last movement (stat_mouvement_numero_idx) or the day (stat_mouvement_jour_idx, the reactivations' partial
-- index). The (territory, day) index was never scanned in the benches at 5 M movements (223 MB) and was written on
-- every movement: dropped.
DROP INDEX stat_mouvement_territoire_jour_idx;
