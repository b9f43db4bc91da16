package org.jiaxing.support;

/**
 * The production split on the test server: an owner role (no superuser) that owns a fresh schema and runs
 * the migrations, and an application role that may only log in. Both names are unique per test context;
 * {@link #drop()} removes the schema and both roles again (roles are cluster-wide, so they must not leak).
 */
record SplitRoles(String schema, String owner, String app) {

    static SplitRoles create(String id) {
        SplitRoles roles = new SplitRoles("jx_test_" + id, "jx_owner_" + id, "jx_app_" + id);
        PostgresTestDatabase.execute("CREATE ROLE " + roles.owner + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
        PostgresTestDatabase.execute("CREATE ROLE " + roles.app + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
        PostgresTestDatabase.execute("CREATE SCHEMA " + roles.schema + " AUTHORIZATION " + roles.owner);
        return roles;
    }

    void drop() {
        PostgresTestDatabase.dropSchema(schema);
        for (String role : new String[] {app, owner}) {
            try {
                // default privileges and grants elsewhere in the database go first, or DROP ROLE refuses
                PostgresTestDatabase.execute("DROP OWNED BY " + role + " CASCADE");
                PostgresTestDatabase.execute("DROP ROLE IF EXISTS " + role);
            } catch (IllegalStateException e) {
                // best effort at shutdown, like the schema
            }
        }
    }
}
