package org.jiaxing.bench;

/** The three endpoints of one benchmark run; they all take the same body (see {@link Scans}). */
enum Target {
    /** Parse, validate the shape and answer the same JSON; nothing looked up or written: the HTTP ceiling. */
    ECHO("echo", "/api/v1/bench/echo"),
    /** The real check-in API: token, visitor pass, person, status, durable group-committed write. */
    GROUP("group", "/api/v1/checkins"),
    /** The real check-in API with the dashboard's live counting switched off (needs --admin): its cost. */
    GROUP_UNCOUNTED("group-uncounted", "/api/v1/checkins"),
    /** The same work, written one row per request in autocommit: the naive design. */
    NAIVE("naive", "/api/v1/bench/naive-checkins"),
    /** The echo answered after a fake 3 ms group commit (no database), the request thread parked. */
    ECHO_PARK("echo-park", "/api/v1/bench/echo-park"),
    /** The same, answered asynchronously (the request thread freed while it waits). */
    ECHO_ASYNC("echo-async", "/api/v1/bench/echo-async");

    final String label;
    final String path;

    Target(String label, String path) {
        this.label = label;
        this.path = path;
    }

    static Target of(String label) {
        for (Target target : values()) {
            if (target.label.equalsIgnoreCase(label)) {
                return target;
            }
        }
        throw new IllegalArgumentException("unknown target " + label + " (echo, group, group-uncounted, naive, echo-park, echo-async)");
    }
}
