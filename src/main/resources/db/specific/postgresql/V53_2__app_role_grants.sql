-- Least privilege (docs/SECURITY.md): the migrations run as the owner role (spring.flyway.user,
-- JIAXING_DB_OWNER_USER), the application as a role that may only read and write rows (spring.datasource,
-- JIAXING_DB_USER). The application role is the placeholder appRole (JIAXING_DB_APP_ROLE, by default the
-- application's database user). Nothing is granted when it is empty, is the role running this migration
-- (the single-user set-up: one role owns and uses everything) or does not exist yet; in the last case
-- create it and run docs/SECURITY.md's grant script, or recreate the schema.
DO $grants$
DECLARE
    app_role CONSTANT TEXT := '${appRole}';
    app_schema CONSTANT TEXT := current_schema();
BEGIN
    IF app_role = '' OR app_role = current_user THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = app_role) THEN
        RAISE WARNING 'application role % does not exist; no privileges granted', app_role;
        RETURN;
    END IF;

    -- Rows only: no TRUNCATE, REFERENCES or TRIGGER, and no CREATE on the schema.
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', app_schema, app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', app_schema, app_role);
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', app_schema, app_role);
    -- Tables and sequences the owner creates later (new migrations, day partitions) get the same.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   app_schema, app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE ON SEQUENCES TO %I', app_schema, app_role);

    -- The audit trail is append-only for the application; the anchor moves only through audit_purge_before.
    EXECUTE format('REVOKE UPDATE, DELETE ON audit_entry FROM %I', app_role);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON audit_anchor FROM %I', app_role);
    -- Flyway's history is the owner's business.
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I FROM %I', '${flyway:table}', app_role);

    EXECUTE format('GRANT EXECUTE ON FUNCTION checkin_create_day_partition(DATE, BIGINT, BIGINT) TO %I', app_role);
    EXECUTE format('GRANT EXECUTE ON FUNCTION checkin_drop_day_partitions_before(DATE) TO %I', app_role);
    EXECUTE format('GRANT EXECUTE ON FUNCTION audit_purge_before(BIGINT, BIGINT, INTEGER) TO %I', app_role);

    -- PostgreSQL before 15 lets every role create tables in the public schema.
    IF pg_catalog.has_schema_privilege(app_role, app_schema, 'CREATE') THEN
        RAISE WARNING 'role % may still create tables in schema % (revoke CREATE from PUBLIC or from %)',
            app_role, app_schema, app_role;
    END IF;
END;
$grants$;
