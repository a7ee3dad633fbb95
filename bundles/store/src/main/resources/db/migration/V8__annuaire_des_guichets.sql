-- Registre Hub, schema version 8: the public directory of guichets (address and opening hours of each organisation
-- that registers demands). A demand can be filed at any guichet enregistreur of the département of the commune.

ALTER TABLE organisation
    ADD COLUMN adresse  VARCHAR(300),
    ADD COLUMN horaires VARCHAR(300);

COMMENT ON COLUMN organisation.adresse IS 'Adresse d''accueil du public (annuaire des guichets).';
COMMENT ON COLUMN organisation.horaires IS 'Horaires d''ouverture au public, en clair (annuaire des guichets).';
