-- Schema version 20 (owner: renewal campaign): the day's campaign takes its lease in the cluster's leases
-- (bail_cluster, V19) like every job that runs on one node at a time. The lease of a campaign running at the upgrade
-- moves there; the campaign row keeps the node that runs (or ran) it, recorded once it holds the lease.

INSERT INTO bail_cluster (nom, noeud, jusqua)
SELECT 'campagne-renouvellement:' || to_char(jour, 'YYYY-MM-DD'), noeud, bail_jusqua
  FROM campagne_renouvellement
 WHERE etat = 'EN_COURS'
ON CONFLICT (nom) DO NOTHING;

ALTER TABLE campagne_renouvellement DROP COLUMN bail_jusqua;
ALTER TABLE campagne_renouvellement ALTER COLUMN noeud DROP NOT NULL;
