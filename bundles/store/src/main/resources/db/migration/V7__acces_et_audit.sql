-- Registre Hub, schema version 7: organisations, users, territories, and the append-only audit trail.

-- Guichets, landlords, State services, observatories, the hub operator.
CREATE TABLE organisation (
    id        BIGSERIAL     PRIMARY KEY,
    code      VARCHAR(20)   NOT NULL,
    type      VARCHAR(20)   NOT NULL,
    nom       VARCHAR(200)  NOT NULL,
    guichet   VARCHAR(5),
    active    BOOLEAN       NOT NULL DEFAULT true,
    cree_le   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT organisation_code_uk UNIQUE (code),
    CONSTRAINT organisation_guichet_uk UNIQUE (guichet),
    CONSTRAINT organisation_code_ck CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,19}$'),
    CONSTRAINT organisation_type_ck CHECK (type IN ('GUICHET', 'BAILLEUR', 'ETAT', 'OBSERVATOIRE', 'HUB')),
    CONSTRAINT organisation_guichet_ck CHECK (guichet ~ '^(G[0-9]{4}|GDPUB)$')
);

-- The départements an organisation works on (its users see the demands of these territories only).
CREATE TABLE organisation_territoire (
    organisation_id  BIGINT      NOT NULL REFERENCES organisation (id),
    territoire       VARCHAR(3)  NOT NULL,
    accorde_le       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, territoire),
    CONSTRAINT organisation_territoire_ck CHECK (territoire ~ '^[0-9]{2}[0-9AB]$')
);

-- Users; the password is kept only as a bcrypt hash.
CREATE TABLE utilisateur (
    id               BIGSERIAL     PRIMARY KEY,
    identifiant      VARCHAR(100)  NOT NULL,
    nom              VARCHAR(200),
    organisation_id  BIGINT        NOT NULL REFERENCES organisation (id),
    empreinte        VARCHAR(100)  NOT NULL,
    roles            VARCHAR(20)[] NOT NULL,
    actif            BOOLEAN       NOT NULL DEFAULT true,
    cree_le          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    desactive_le     TIMESTAMPTZ,
    CONSTRAINT utilisateur_identifiant_uk UNIQUE (identifiant),
    CONSTRAINT utilisateur_identifiant_ck CHECK (identifiant ~ '^[a-z0-9][a-z0-9._@-]{1,99}$'),
    CONSTRAINT utilisateur_empreinte_ck CHECK (empreinte ~ '^\$2[aby]\$[0-9]{2}\$.{53}$'),
    CONSTRAINT utilisateur_roles_ck CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['guichet', 'bailleur',
        'gestionnaire', 'observateur', 'admin']::VARCHAR(20)[]),
    CONSTRAINT utilisateur_desactive_ck CHECK (actif = (desactive_le IS NULL))
);
CREATE INDEX utilisateur_organisation_idx ON utilisateur (organisation_id);

-- Every read of nominative data and every change: who, for which organisation, when, through which channel.
CREATE TABLE audit (
    id             BIGSERIAL     PRIMARY KEY,
    horodatage     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    acteur         VARCHAR(200)  NOT NULL,
    organisation   VARCHAR(20),
    canal          VARCHAR(10)   NOT NULL,
    operation      VARCHAR(40)   NOT NULL,
    numero_unique  VARCHAR(18),
    territoire     VARCHAR(3),
    details        TEXT
);
CREATE INDEX audit_horodatage_idx ON audit (horodatage);
CREATE INDEX audit_numero_idx ON audit (numero_unique, horodatage);
CREATE INDEX audit_acteur_idx ON audit (acteur, horodatage);
CREATE INDEX audit_territoire_idx ON audit (territoire, horodatage);

COMMENT ON TABLE audit IS 'Journal d''audit : ajout seulement (UPDATE, DELETE et TRUNCATE refusés par déclencheur).';

CREATE FUNCTION registre_audit_ajout_seulement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'le journal d''audit ne se modifie pas et ne s''efface pas (opération %)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_ajout_seulement BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION registre_audit_ajout_seulement();
CREATE TRIGGER audit_sans_troncature BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION registre_audit_ajout_seulement();

-- Every change of a demand is audited in its own transaction: the history line writes the audit line.
CREATE FUNCTION registre_auditer_changement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit (horodatage, acteur, organisation, canal, operation, numero_unique, territoire, details)
    VALUES (NEW.horodatage, NEW.acteur,
            (SELECT o.code FROM utilisateur u JOIN organisation o ON o.id = u.organisation_id
              WHERE u.identifiant = NEW.acteur),
            NEW.canal, NEW.operation, NEW.numero_unique, substr(NEW.numero_unique, 1, 3),
            NULLIF(concat_ws(' ; ',
                (SELECT 'champs : ' || string_agg(c ->> 'champ', ', ')
                   FROM jsonb_array_elements(NEW.changements) c),
                NEW.commentaire), ''));
    RETURN NEW;
END
$$;

CREATE TRIGGER demande_historique_audit AFTER INSERT ON demande_historique
    FOR EACH ROW EXECUTE FUNCTION registre_auditer_changement();
