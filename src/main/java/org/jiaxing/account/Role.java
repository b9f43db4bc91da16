package org.jiaxing.account;

/** Staff roles. Scope (town, venues) is carried by the account, not by the role. */
public enum Role {
    /** City-wide administrator: every venue, every town, keys, categories. */
    CITY_ADMIN,
    /** Administrator of one town (镇/街道): venues of that town only. */
    TOWN_ADMIN,
    /** Staff at the door of one or more venues. */
    VENUE_STAFF,
    /** Health official running precise tracing (精准追溯). */
    TRACER,
    /** Supervision office (督考办) for key projects. */
    SUPERVISOR,
    /**
     * Member of one or more key projects (responsible official, leader, liaison, village head, handler,
     * owner representative); the projects and the role on each are kept by the project module.
     */
    PROJECT_MEMBER,
    /** Staff of a department that key-project problems are assigned to (交办); the department is kept by the project module. */
    DEPARTMENT;

    public String authority() {
        return "ROLE_" + name();
    }
}
