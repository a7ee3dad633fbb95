-- Statistics (owner: statistiques): the targets of the accords collectifs — the priority households (DALO or a legal
-- priority category) each landlord is to house in a département in a year —, declared by the gestionnaires; what is
-- achieved is counted from the radiations for attribution (StatistiquesMapper.accords).

CREATE TABLE accord_collectif (
    territoire  CHAR(3)       NOT NULL,
    bailleur    VARCHAR(20)   NOT NULL,
    annee       SMALLINT      NOT NULL,
    objectif    INTEGER       NOT NULL,
    acteur      VARCHAR(200)  NOT NULL,
    modifie_le  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT accord_collectif_pk PRIMARY KEY (territoire, bailleur, annee),
    CONSTRAINT accord_territoire_ck CHECK (territoire ~ '^[0-9]{2}[0-9AB]$'),
    CONSTRAINT accord_annee_ck CHECK (annee BETWEEN 2000 AND 2100),
    CONSTRAINT accord_objectif_ck CHECK (objectif >= 0)
);
COMMENT ON TABLE accord_collectif IS
    'Objectifs annuels des accords collectifs : ménages prioritaires à loger par bailleur et par département.';
