package org.jiaxing.bench;

/** The three endpoints of one benchmark run; they all take the same body (see {@link Scans}). */
enum Target {
    /** Parse, validate and answer; no write: the HTTP ceiling of this server on this machine. */
    ECHO("echo", "/api/v1/bench/echo"),
    /** The same, plus a durable check-in through the group-commit writer. */
    GROUP("group", "/api/v1/bench/checkins?mode=group"),
    /** The same, written one row per request in autocommit: the naive design. */
    NAIVE("naive", "/api/v1/bench/checkins?mode=naive");

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
        throw new IllegalArgumentException("unknown target " + label + " (echo, group, naive)");
    }
}
