-- Registre Hub, schema version 6: search indexes measured on 2.6 million demands (bench/RechercheBench).

-- A family name with a birth date (the guichet's "is this person known?") and a family name within a territory:
-- the name prefix range and the other criterion are both index conditions, so a frequent name costs an index range,
-- not a visit of every demand carrying that name. The first index also serves a name alone, replacing V5's.
DROP INDEX demande_nom_normalise_idx;
CREATE INDEX demande_nom_naissance_idx ON demande ((registre_normaliser(nom) COLLATE "C"), date_naissance);
CREATE INDEX demande_territoire_nom_idx ON demande (territoire, (registre_normaliser(nom) COLLATE "C"));

-- The renewal campaign: active demands of a territory expiring within a period, in expiry order.
CREATE INDEX demande_territoire_validite_idx ON demande (territoire, statut, date_validite);
