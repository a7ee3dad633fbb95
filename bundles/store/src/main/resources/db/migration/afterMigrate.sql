-- After every migration (Flyway callback, run by the schema's owner): the rights of the hub's application role,
-- given again in full so that the tables of any new migration are covered. The application role owns nothing: it
-- reads and writes the register's tables, adds to the audit trail but cannot change, delete or truncate it, cannot
-- alter a table (so cannot disable the audit's append-only triggers) and cannot touch the migration history.
-- ${roleApplication} is empty (or the owner itself) when the hub migrates over its own connection: nothing to give.
DO $$
DECLARE
    application text := '${roleApplication}';
BEGIN
    IF application = '' OR application = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), application);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', application);
    EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', application);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', application);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit FROM %I', application);
    EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', application);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', application);
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO %I', application);
END
$$;
