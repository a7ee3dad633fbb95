-- Dossier unique (owner: dossier-unique): the supporting documents of a demand, uploaded once and read by every
-- guichet and landlord of its territory. The content is kept here (bytea, TOAST-compressed out of line) with its
-- SHA-256, checked when read. A replaced or withdrawn document leaves the lists (retire_le) and its content is erased;
-- the row stays for the audit. Documents go with their demand when its data is purged (ON DELETE CASCADE).

CREATE TABLE piece_demande (
    id              BIGSERIAL     PRIMARY KEY,
    numero_unique   VARCHAR(18)   NOT NULL REFERENCES demande (numero_unique) ON DELETE CASCADE,
    categorie       VARCHAR(30)   NOT NULL,
    nom_fichier     VARCHAR(200)  NOT NULL,
    type_media      VARCHAR(40)   NOT NULL,
    taille          BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    contenu         BYTEA,
    depose_le       TIMESTAMPTZ   NOT NULL,
    depose_par      VARCHAR(200)  NOT NULL,
    canal           VARCHAR(10)   NOT NULL,
    retire_le       TIMESTAMPTZ,
    retire_par      VARCHAR(200),
    remplacee_par   BIGINT        REFERENCES piece_demande (id),
    CONSTRAINT piece_categorie_ck CHECK (categorie IN ('IDENTITE', 'SEJOUR', 'AVIS_IMPOSITION', 'RESSOURCES',
        'SITUATION_FAMILIALE', 'SITUATION_PROFESSIONNELLE', 'LOGEMENT_ACTUEL', 'HANDICAP')),
    CONSTRAINT piece_type_ck CHECK (type_media IN ('application/pdf', 'image/jpeg', 'image/png')),
    CONSTRAINT piece_taille_ck CHECK (taille > 0),
    CONSTRAINT piece_contenu_ck CHECK ((retire_le IS NULL) = (contenu IS NOT NULL))
);
ALTER TABLE piece_demande ALTER COLUMN contenu SET STORAGE EXTERNAL;
CREATE INDEX piece_demande_numero_idx ON piece_demande (numero_unique, categorie, id) WHERE retire_le IS NULL;

COMMENT ON TABLE piece_demande IS 'Dossier unique : pièces justificatives des demandes, déposées une fois, lues par'
    ' les guichets et bailleurs du territoire.';
