-- Local information (owner: statistiques): the number of social dwellings per commune and year, imported from an
-- RPLS-style file (the landlords' directory of social dwellings), published with the pending demands, the
-- attributions and the waiting time of each commune.

CREATE TABLE logement_social_commune (
    commune      VARCHAR(5)    NOT NULL,
    annee        INTEGER       NOT NULL,
    libelle      VARCHAR(100),
    nombre       INTEGER       NOT NULL,
    source       VARCHAR(200)  NOT NULL,
    importe_le   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    importe_par  VARCHAR(200)  NOT NULL,
    PRIMARY KEY (commune, annee),
    CONSTRAINT logement_social_commune_ck CHECK (commune ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
    CONSTRAINT logement_social_annee_ck CHECK (annee BETWEEN 1990 AND 2100),
    CONSTRAINT logement_social_nombre_ck CHECK (nombre >= 0)
);

COMMENT ON TABLE logement_social_commune IS
    'Logements sociaux par commune et par année (fichier de type RPLS), publiés avec la demande de la commune.';

-- the pending demands of one commune by typology, for its page (the attributions use demande_attribuee_idx, V22)
CREATE INDEX demande_active_commune_idx ON demande (commune, typologie) WHERE statut = 'ACTIVE';
