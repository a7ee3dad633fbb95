-- Bulk imports of legacy departmental extracts.
--  * demande.ancien_numero: the demand's number in the departmental file it came from (unique when present).
--  * import_departemental: one row per import of an extract (by its SHA-256): its state and its position (lines
--    handled), updated in the transaction of each batch, so that an import stopped at any moment resumes after its
--    last batch.
--  * import_rejet: the lines not imported and why, written with their batch (each line once).

ALTER TABLE demande ADD COLUMN ancien_numero VARCHAR(40);
CREATE UNIQUE INDEX demande_ancien_numero_uk ON demande (ancien_numero) WHERE ancien_numero IS NOT NULL;

CREATE TABLE import_departemental (
    id              BIGSERIAL    PRIMARY KEY,
    fichier         TEXT         NOT NULL,
    empreinte       CHAR(64)     NOT NULL,
    format          VARCHAR(3)   NOT NULL,
    encodage        VARCHAR(20)  NOT NULL,
    etat            VARCHAR(10)  NOT NULL DEFAULT 'EN_COURS',
    position        BIGINT       NOT NULL DEFAULT 0,
    importees       BIGINT       NOT NULL DEFAULT 0,
    deja_importees  BIGINT       NOT NULL DEFAULT 0,
    rejetees        BIGINT       NOT NULL DEFAULT 0,
    debut           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    fin             TIMESTAMPTZ,
    erreur          TEXT,
    -- the hub node running it, until when (renewed by each batch): another node resumes it only once that is over
    noeud           VARCHAR(200),
    bail_jusqua     TIMESTAMPTZ,
    CONSTRAINT import_format_ck CHECK (format IN ('CSV', 'XML')),
    CONSTRAINT import_etat_ck CHECK (etat IN ('EN_COURS', 'TERMINE', 'ECHEC'))
);
-- one import at a time of a given extract
CREATE UNIQUE INDEX import_en_cours_uk ON import_departemental (empreinte) WHERE etat = 'EN_COURS';

CREATE TABLE import_rejet (
    import_id      BIGINT       NOT NULL REFERENCES import_departemental (id),
    ligne          BIGINT       NOT NULL,
    ancien_numero  VARCHAR(40),
    champ          TEXT         NOT NULL,
    motif          TEXT         NOT NULL,
    PRIMARY KEY (import_id, ligne)
);

-- The daily outbound extracts of the changes, for the departmental systems that cannot call SOAP: each covers the
-- changes after the previous one's end up to its own.
CREATE TABLE extrait_sortant (
    id          BIGSERIAL    PRIMARY KEY,
    depuis      TIMESTAMPTZ  NOT NULL,
    jusqua      TIMESTAMPTZ  NOT NULL,
    fichier     TEXT         NOT NULL,
    lignes      BIGINT       NOT NULL,
    produit_le  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX demande_historique_horodatage_idx ON demande_historique (horodatage);
