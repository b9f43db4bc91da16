package org.jiaxing.dashboard.domain;

import java.time.Instant;
import java.util.List;

/**
 * A fraud flag. {@code detail} holds numbers only (count and limit, km and minutes, identities), never a
 * name; {@code checkinIds} are the underlying records, shown masked on the flag's page.
 *
 * @param id       0 before it is stored
 * @param personIds the persons of the underlying check-ins (none for a burst, which is found by venue and minute)
 */
public record Flag(long id, FlagKind kind, long venueId, String townCode, Instant occurredAt, List<Long> personIds,
        List<Long> checkinIds, String detail) {

    public Flag {
        checkinIds = List.copyOf(checkinIds);
        personIds = List.copyOf(personIds);
    }
}
