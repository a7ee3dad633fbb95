-- Who started an import, and on which channel: an import cut off by a stop of the hub resumes under that identity
-- (its roles and territories as they are then), never under the hub's own rights.
ALTER TABLE import_departemental ADD COLUMN lance_par VARCHAR(100);
ALTER TABLE import_departemental ADD COLUMN canal VARCHAR(20);
