package org.jiaxing.code;

import java.util.Map;

/**
 * Read-only figures about issued codes, for the dashboard. Every venue has generation 1 from its
 * registration; each reissue issues the next generation (a new poster) and withdraws the one before.
 */
public interface CodeGenerations {

    /** Current generation of every venue that was ever reissued; venues missing from the map are at 1. */
    Map<Long, Integer> reissued();
}
