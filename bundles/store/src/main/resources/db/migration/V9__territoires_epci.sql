-- Registre Hub, schema version 9: EPCI territories. An organisation may work on départements (044) and on EPCI
-- (SIREN, 9 digits: 244400404 for Nantes Métropole); an EPCI covers the demands that wish one of its communes.

CREATE TABLE epci (
    code     VARCHAR(9)    PRIMARY KEY,
    nom      VARCHAR(200)  NOT NULL,
    cree_le  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT epci_code_ck CHECK (code ~ '^[0-9]{9}$')
);

CREATE TABLE epci_commune (
    epci     VARCHAR(9)  NOT NULL REFERENCES epci (code),
    commune  VARCHAR(5)  NOT NULL,
    PRIMARY KEY (epci, commune),
    CONSTRAINT epci_commune_ck CHECK (commune ~ '^([0-9]{5}|2[AB][0-9]{3})$')
);

ALTER TABLE organisation_territoire
    DROP CONSTRAINT organisation_territoire_ck,
    ALTER COLUMN territoire TYPE VARCHAR(9),
    ADD CONSTRAINT organisation_territoire_ck CHECK (territoire ~ '^([0-9]{2}[0-9AB]|[0-9]{9})$');

-- an EPCI territory must be a known EPCI
CREATE FUNCTION registre_territoire_epci_connu() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF length(NEW.territoire) = 9 AND NOT EXISTS (SELECT 1 FROM epci WHERE code = NEW.territoire) THEN
        RAISE EXCEPTION 'EPCI inconnu : %', NEW.territoire USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER organisation_territoire_epci BEFORE INSERT OR UPDATE ON organisation_territoire
    FOR EACH ROW EXECUTE FUNCTION registre_territoire_epci_connu();

-- audit lines of access management may concern an EPCI
ALTER TABLE audit ALTER COLUMN territoire TYPE VARCHAR(9);
