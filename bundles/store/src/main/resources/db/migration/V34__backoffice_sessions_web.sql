-- The staff's web application (back-office, issue 22): the channel WEB, and its sessions.
--  * a change made in the back-office is recorded with the channel WEB (demands, their history, the landlords'
--    follow-up); the audit trail's channel column has no list of its own;
--  * the search by guichet (a guichet's own demands of the day, of the month: the back-office's counters);
--  * the records an import's extract holds, counted when it opens: the back-office's progress bar;
--  * session_web: one row per signed-in session, its token kept as SHA-256 only (a copy of the table opens nothing),
--    read and extended by whichever node serves the request.

ALTER TABLE demande DROP CONSTRAINT demande_canal_ck,
    ADD CONSTRAINT demande_canal_ck CHECK (canal_creation IN
        ('REST', 'SOAP', 'ERP', 'CONSOLE', 'IMPORT', 'NATIONAL', 'CAMPAGNE', 'EN_LIGNE', 'WEB'));
ALTER TABLE demande_historique DROP CONSTRAINT demande_historique_canal_ck,
    ADD CONSTRAINT demande_historique_canal_ck CHECK (canal IN
        ('REST', 'SOAP', 'ERP', 'CONSOLE', 'IMPORT', 'NATIONAL', 'CAMPAGNE', 'EN_LIGNE', 'WEB'));
ALTER TABLE suivi_attribution DROP CONSTRAINT suivi_canal_ck,
    ADD CONSTRAINT suivi_canal_ck CHECK (canal IN ('REST', 'SOAP', 'ERP', 'CONSOLE', 'IMPORT', 'NATIONAL', 'WEB'));

CREATE TABLE session_web (
    empreinte       CHAR(64)      PRIMARY KEY,
    identifiant     VARCHAR(100)  NOT NULL REFERENCES utilisateur (identifiant) ON DELETE CASCADE,
    adresse         VARCHAR(64),
    ouverte_le      TIMESTAMPTZ   NOT NULL,
    expire_le       TIMESTAMPTZ   NOT NULL,
    fin_max         TIMESTAMPTZ   NOT NULL,
    CONSTRAINT session_web_expire_ck CHECK (expire_le <= fin_max)
);
COMMENT ON TABLE session_web IS 'Sessions ouvertes de l''application web des agents (jeton conservé haché).';
CREATE INDEX session_web_expire_idx ON session_web (expire_le);
CREATE INDEX session_web_identifiant_idx ON session_web (identifiant);

CREATE INDEX demande_guichet_depot_idx ON demande (guichet, date_depot);

ALTER TABLE import_departemental ADD COLUMN total BIGINT;
COMMENT ON COLUMN import_departemental.total IS 'Enregistrements de l''extrait comptés à l''ouverture (barre de progression).';
