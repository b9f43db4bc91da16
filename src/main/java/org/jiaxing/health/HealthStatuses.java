package org.jiaxing.health;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Health statuses: read on every scan, changed by officials and tracing. */
public interface HealthStatuses {

    /**
     * The status in effect now: GREEN for anyone never assigned one, GREEN ({@link HealthStatus#EXPIRED})
     * once a status's {@code until} has passed. Served from memory, without a query.
     */
    HealthStatus current(long personId);

    /** {@link #current(long)} for many persons; every requested id is in the result. */
    Map<Long, HealthStatus> current(Collection<Long> personIds);

    /**
     * Assigns a status from now on, with a history row and an audit entry, and publishes
     * {@link HealthStatusChanged}. Joins the caller's transaction; {@link #current} shows the new
     * status once that transaction has committed.
     *
     * @param until  when it ends by itself, in the future; {@code null} for open-ended
     * @param actor  username of the official, or the module acting ({@code tracing})
     * @throws InvalidHealthStatus with every problem (no colour, no reason, an until in the past)
     * @throws org.jiaxing.person.PersonNotFound for an unknown person
     */
    HealthStatus assign(long personId, HealthColour colour, String reason, Instant until, String actor);

    /** Every status ever assigned to the person, newest first. */
    List<HealthStatus> history(long personId);
}
