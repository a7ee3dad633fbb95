-- Statistics (owner: statistiques). stat_rafraichir() removes the identity and NIR counts that fell to zero; the
-- statistics read it before every table (six times for a report), and its DELETE ... WHERE n = 0 read the whole count
-- of identities (1.5 M rows at 1.5 M active demands: 80 ms alone, 200 ms in a report whose tables compute side by side)
-- to find the few rows emptied since. A partial index holds those rows only: a count falling to zero is already a
-- non-HOT update (the n > 1 index's predicate reads n), the index adds one small entry to it.
CREATE INDEX stat_doublon_identite_zero_idx ON stat_doublon_identite (identite) WHERE n = 0;
CREATE INDEX stat_doublon_nir_zero_idx ON stat_doublon_nir (nir) WHERE n = 0;
