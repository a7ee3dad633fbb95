-- Statistics (Infocentre): the stock and flows of the register, exact at any past date.
--  * region, departement_region: the 18 regions (INSEE codes) and their départements (3-character territory codes as
--    in the numéro unique: 044, 02A, 974).
--  * stat_mouvement: what changes the stock, one row per change, written by a trigger in the transaction of the
--    history entry (the demand row is already updated then): ENTREE (registration), SORTIE (radiation, with its
--    reason), RETOUR (reactivation), TRANSFERT_SORTANT/TRANSFERT_ENTRANT (the first wished commune changed: the demand
--    leaves one commune and joins another, same département). The day is the Paris date of the history entry, so the
--    stock of any group at the end of any day is the sum of the signs of its movements up to that day.
--    Movements of the history written before this version are rebuilt from it below.

CREATE TABLE region (
    code  VARCHAR(2)    PRIMARY KEY,
    nom   VARCHAR(100)  NOT NULL
);
INSERT INTO region (code, nom) VALUES
    ('84', 'Auvergne-Rhône-Alpes'),
    ('27', 'Bourgogne-Franche-Comté'),
    ('53', 'Bretagne'),
    ('24', 'Centre-Val de Loire'),
    ('94', 'Corse'),
    ('44', 'Grand Est'),
    ('32', 'Hauts-de-France'),
    ('11', 'Île-de-France'),
    ('28', 'Normandie'),
    ('75', 'Nouvelle-Aquitaine'),
    ('76', 'Occitanie'),
    ('52', 'Pays de la Loire'),
    ('93', 'Provence-Alpes-Côte d''Azur'),
    ('01', 'Guadeloupe'),
    ('02', 'Martinique'),
    ('03', 'Guyane'),
    ('04', 'La Réunion'),
    ('06', 'Mayotte');

CREATE TABLE departement_region (
    departement  CHAR(3)     PRIMARY KEY,
    region       VARCHAR(2)  NOT NULL REFERENCES region (code)
);
INSERT INTO departement_region (departement, region) VALUES
    ('001', '84'), ('003', '84'), ('007', '84'), ('015', '84'), ('026', '84'), ('038', '84'), ('042', '84'), ('043', '84'),
    ('063', '84'), ('069', '84'), ('073', '84'), ('074', '84'), ('021', '27'), ('025', '27'), ('039', '27'), ('058', '27'),
    ('070', '27'), ('071', '27'), ('089', '27'), ('090', '27'), ('022', '53'), ('029', '53'), ('035', '53'), ('056', '53'),
    ('018', '24'), ('028', '24'), ('036', '24'), ('037', '24'), ('041', '24'), ('045', '24'), ('02A', '94'), ('02B', '94'),
    ('008', '44'), ('010', '44'), ('051', '44'), ('052', '44'), ('054', '44'), ('055', '44'), ('057', '44'), ('067', '44'),
    ('068', '44'), ('088', '44'), ('002', '32'), ('059', '32'), ('060', '32'), ('062', '32'), ('080', '32'), ('075', '11'),
    ('077', '11'), ('078', '11'), ('091', '11'), ('092', '11'), ('093', '11'), ('094', '11'), ('095', '11'), ('014', '28'),
    ('027', '28'), ('050', '28'), ('061', '28'), ('076', '28'), ('016', '75'), ('017', '75'), ('019', '75'), ('023', '75'),
    ('024', '75'), ('033', '75'), ('040', '75'), ('047', '75'), ('064', '75'), ('079', '75'), ('086', '75'), ('087', '75'),
    ('009', '76'), ('011', '76'), ('012', '76'), ('030', '76'), ('031', '76'), ('032', '76'), ('034', '76'), ('046', '76'),
    ('048', '76'), ('065', '76'), ('066', '76'), ('081', '76'), ('082', '76'), ('044', '52'), ('049', '52'), ('053', '52'),
    ('072', '52'), ('085', '52'), ('004', '93'), ('005', '93'), ('006', '93'), ('013', '93'), ('083', '93'), ('084', '93'),
    ('971', '01'), ('972', '02'), ('973', '03'), ('974', '04'), ('976', '06');

CREATE TABLE stat_mouvement (
    id             BIGSERIAL    PRIMARY KEY,
    numero_unique  VARCHAR(18)  NOT NULL,
    jour           DATE         NOT NULL,
    nature         VARCHAR(20)  NOT NULL,
    motif          VARCHAR(20),
    territoire     CHAR(3)      NOT NULL,
    commune        VARCHAR(5)   NOT NULL,
    guichet        VARCHAR(5)   NOT NULL,
    -- a change of commune: the other commune (where the demand goes to, or comes from)
    commune_autre  VARCHAR(5),
    CONSTRAINT stat_mouvement_transfert_ck CHECK ((nature LIKE 'TRANSFERT%') = (commune_autre IS NOT NULL)),
    CONSTRAINT stat_mouvement_nature_ck CHECK (nature IN
        ('ENTREE', 'SORTIE', 'RETOUR', 'TRANSFERT_SORTANT', 'TRANSFERT_ENTRANT')),
    CONSTRAINT stat_mouvement_motif_ck CHECK ((nature = 'SORTIE') = (motif IS NOT NULL))
);
CREATE INDEX stat_mouvement_jour_idx ON stat_mouvement (jour);
CREATE INDEX stat_mouvement_territoire_jour_idx ON stat_mouvement (territoire, jour);
CREATE INDEX stat_mouvement_numero_idx ON stat_mouvement (numero_unique, id);

COMMENT ON TABLE stat_mouvement IS
    'Mouvements du stock (entrées, radiations, réactivations, changements de commune), un par entrée d''historique concernée.';

CREATE FUNCTION stat_mouvement_historique() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d         RECORD;
    le_jour   DATE := (NEW.horodatage AT TIME ZONE 'Europe/Paris')::date;
    derniere  VARCHAR(5);
BEGIN
    SELECT statut, motif_radiation, territoire, commune, guichet INTO d
      FROM demande WHERE numero_unique = NEW.numero_unique;
    IF NEW.operation = 'ENREGISTREMENT' THEN
        INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
        VALUES (NEW.numero_unique, le_jour, 'ENTREE', NULL, d.territoire, d.commune, d.guichet);
        IF d.statut = 'RADIEE' THEN
            -- an extract's demand already radiated in its departmental file: it enters and leaves at once
            INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
            VALUES (NEW.numero_unique, le_jour, 'SORTIE', d.motif_radiation, d.territoire, d.commune, d.guichet);
        END IF;
    ELSIF NEW.operation = 'RADIATION' THEN
        INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
        VALUES (NEW.numero_unique, le_jour, 'SORTIE', d.motif_radiation, d.territoire, d.commune, d.guichet);
    ELSIF NEW.operation = 'REACTIVATION' THEN
        INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
        VALUES (NEW.numero_unique, le_jour, 'RETOUR', NULL, d.territoire, d.commune, d.guichet);
    ELSIF NEW.operation IN ('MODIFICATION', 'RENOUVELLEMENT') AND d.statut = 'ACTIVE' THEN
        SELECT commune INTO derniere FROM stat_mouvement
         WHERE numero_unique = NEW.numero_unique ORDER BY id DESC LIMIT 1;
        IF derniere IS NOT NULL AND derniere <> d.commune THEN
            INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet,
                                        commune_autre)
            VALUES (NEW.numero_unique, le_jour, 'TRANSFERT_SORTANT', NULL, d.territoire, derniere, d.guichet,
                    d.commune),
                   (NEW.numero_unique, le_jour, 'TRANSFERT_ENTRANT', NULL, d.territoire, d.commune, d.guichet,
                    derniere);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER stat_mouvement_historique AFTER INSERT ON demande_historique
    FOR EACH ROW EXECUTE FUNCTION stat_mouvement_historique();

-- The history written before: every registration enters; every radiation followed by a reactivation was a
-- non-renewal (only those are reactivated); the last radiation has the demand's reason; a demand radiated without a
-- radiation entry (extract) leaves at its registration. Commune changes before this version are not rebuilt (the
-- demand counts in its current commune).
INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
SELECT h.numero_unique, (h.horodatage AT TIME ZONE 'Europe/Paris')::date,
       CASE h.operation WHEN 'ENREGISTREMENT' THEN 'ENTREE' WHEN 'RADIATION' THEN 'SORTIE' ELSE 'RETOUR' END,
       CASE WHEN h.operation <> 'RADIATION' THEN NULL
            WHEN EXISTS (SELECT 1 FROM demande_historique r WHERE r.numero_unique = h.numero_unique
                          AND r.operation = 'REACTIVATION' AND r.version > h.version) THEN 'NON_RENOUVELLEMENT'
            ELSE coalesce(d.motif_radiation, 'NON_RENOUVELLEMENT') END,
       d.territoire, d.commune, d.guichet
  FROM demande_historique h JOIN demande d ON d.numero_unique = h.numero_unique
 WHERE h.operation IN ('ENREGISTREMENT', 'RADIATION', 'REACTIVATION')
 ORDER BY h.id;
INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)
SELECT d.numero_unique, (h.horodatage AT TIME ZONE 'Europe/Paris')::date, 'SORTIE', d.motif_radiation,
       d.territoire, d.commune, d.guichet
  FROM demande d JOIN demande_historique h ON h.numero_unique = d.numero_unique AND h.operation = 'ENREGISTREMENT'
 WHERE d.statut = 'RADIEE'
   AND NOT EXISTS (SELECT 1 FROM demande_historique r WHERE r.numero_unique = d.numero_unique
                    AND r.operation = 'RADIATION');
