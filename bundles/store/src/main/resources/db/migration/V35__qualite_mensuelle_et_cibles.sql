-- Statistics (owner: statistiques): the data-quality indicators of each guichet kept month by month (the month's last
-- photograph: the statistics service takes one twice a day, each replacing the month's previous one), and the target
-- a gestionnaire sets for each indicator in its département (the share of pending demands not to exceed).

CREATE TABLE qualite_mensuelle (
    mois             DATE          NOT NULL,
    guichet          VARCHAR(5)    NOT NULL,
    actives          BIGINT        NOT NULL,
    valeurs          JSONB         NOT NULL,
    photographie_le  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT qualite_mensuelle_pk PRIMARY KEY (mois, guichet),
    CONSTRAINT qualite_mois_ck CHECK (extract(day FROM mois) = 1),
    CONSTRAINT qualite_actives_ck CHECK (actives >= 0)
);
COMMENT ON TABLE qualite_mensuelle IS
    'Indicateurs de qualité des demandes en attente par guichet, photographiés chaque mois (valeurs : indicateur -> nombre).';

CREATE TABLE qualite_cible (
    territoire   CHAR(3)       NOT NULL,
    indicateur   VARCHAR(40)   NOT NULL,
    cible        NUMERIC(5, 2) NOT NULL,
    acteur       VARCHAR(200)  NOT NULL,
    modifie_le   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT qualite_cible_pk PRIMARY KEY (territoire, indicateur),
    CONSTRAINT qualite_cible_territoire_ck CHECK (territoire ~ '^[0-9]{2}[0-9AB]$'),
    CONSTRAINT qualite_cible_ck CHECK (cible BETWEEN 0 AND 100)
);
COMMENT ON TABLE qualite_cible IS
    'Cibles des indicateurs de qualité par département : part maximale (en %) des demandes en attente concernées.';
