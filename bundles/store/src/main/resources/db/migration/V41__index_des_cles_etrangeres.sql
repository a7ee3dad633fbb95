-- Every foreign key gets an index whose first columns are its own (owners: each table's capability; the rule is the
-- schema's, checked by ClesEtrangeresIndexeesTest). Without one, PostgreSQL checks each deleted or re-keyed parent
-- row by a full scan of the child table: deleting 10,000 demands took minutes on a register that had run one national
-- renewal day (130,359 notices read for each demand, issue 23), and the campaign's resume gives back its unsent
-- notices by deleting them, each checked against every one-time link. A partial index (the notices' unique ones, the
-- current documents') does not serve such a check.

-- renewal campaign: a demand's notices (purge of a demand, its notices read by number), a notice's links
CREATE INDEX avis_renouvellement_numero_idx ON avis_renouvellement (numero_unique);
CREATE INDEX jeton_renouvellement_avis_idx ON jeton_renouvellement (avis_id);
-- dossier unique: a demand's documents, retired ones included (the demand's deletion cascades to them); replacements
CREATE INDEX piece_demande_numero_tout_idx ON piece_demande (numero_unique);
CREATE INDEX piece_demande_remplacee_par_idx ON piece_demande (remplacee_par);
-- attribution: a dwelling's and a commission's candidates, a dwelling's commissions
CREATE INDEX candidature_logement_idx ON candidature (logement_id);
CREATE INDEX candidature_commission_idx ON candidature (commission_id);
CREATE INDEX commission_logement_logement_idx ON commission_logement (logement_id);
-- portal: an account's links and sessions
CREATE INDEX jeton_portail_compte_idx ON jeton_portail (compte);
CREATE INDEX session_portail_compte_idx ON session_portail (compte);
-- territories: a region's départements
CREATE INDEX departement_region_region_idx ON departement_region (region);
