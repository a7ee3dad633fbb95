-- Schema version 19 (owner: store core): one table of leases for every job that must run on one hub node at a
-- time (decision 0001, issue 19). Until now the national synchronization kept its leases in synchro_nationale and
-- the departmental imports in import_departemental; the leases held at the upgrade move here, then those columns go.

CREATE TABLE bail_cluster (
    nom      VARCHAR(200) PRIMARY KEY,
    noeud    VARCHAR(200) NOT NULL,
    jusqua   TIMESTAMPTZ  NOT NULL,
    pris_le  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

COMMENT ON TABLE bail_cluster IS 'Baux du cluster : une ligne par tâche à exécuter sur un seul nœud à la fois '
    '(synchro-nationale:<TÂCHE>, import:<id>) ; libre, expiré ou tenu par un nœud.';

INSERT INTO bail_cluster (nom, noeud, jusqua)
SELECT 'synchro-nationale:' || tache, bail_noeud, bail_jusqua
  FROM synchro_nationale
 WHERE bail_noeud IS NOT NULL AND bail_jusqua IS NOT NULL;

INSERT INTO bail_cluster (nom, noeud, jusqua)
SELECT 'import:' || id, noeud, bail_jusqua
  FROM import_departemental
 WHERE etat = 'EN_COURS' AND noeud IS NOT NULL AND bail_jusqua IS NOT NULL;

ALTER TABLE synchro_nationale DROP COLUMN bail_noeud, DROP COLUMN bail_jusqua;
ALTER TABLE import_departemental DROP COLUMN noeud, DROP COLUMN bail_jusqua;
