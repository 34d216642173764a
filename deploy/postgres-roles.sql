-- Least-privilege database roles for Athar on PostgreSQL (ASVS 13.2.2).
--
--   athar_owner  owns the database's schema and runs the migrations (`athar migrate`, or the app once with
--                Athar__Database__MigrateOnStartup=true) and the bulk loaders of `athar seed`;
--   athar_app    is what the app nodes connect as: rows only (SELECT, INSERT, UPDATE, DELETE), the sequences
--                behind identity columns, the functions the counter triggers call, and temporary tables (the
--                statistics rebuild). It cannot create, alter or drop a table, so an injected statement or a
--                compromised node cannot change the schema or destroy a table.
--
-- Run once per database, as a superuser, connected to the Athar database (created beforehand):
--   psql -h HOST -U postgres -d athar -f deploy/postgres-roles.sql
-- then give both roles passwords (`\password athar_owner`, `\password athar_app`), point the app nodes'
-- ConnectionStrings__Athar at athar_app with Athar__Database__MigrateOnStartup=false, and run migrations with
-- athar_owner. Tables and sequences a later migration creates get the same grants through the default privileges.

CREATE ROLE athar_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE ROLE athar_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT;

DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I OWNER TO athar_owner', current_database());
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO athar_app', current_database());
END
$$;

ALTER SCHEMA public OWNER TO athar_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO athar_app;

-- Objects that already exist (a database migrated before the roles were split) ...
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO athar_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO athar_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO athar_app;

-- ... and every object the owner's migrations create from now on.
ALTER DEFAULT PRIVILEGES FOR ROLE athar_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO athar_app;
ALTER DEFAULT PRIVILEGES FOR ROLE athar_owner IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO athar_app;
ALTER DEFAULT PRIVILEGES FOR ROLE athar_owner IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO athar_app;
