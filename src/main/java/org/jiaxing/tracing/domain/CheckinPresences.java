package org.jiaxing.tracing.domain;

import java.time.Instant;
import java.util.List;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinQueries;
import org.springframework.stereotype.Component;

/**
 * The engine's check-ins from the check-in module, in whole seconds (check-in times are floored).
 * Refused attempts are left out: the person was turned away at the door and was never inside.
 */
@Component
class CheckinPresences implements Presences {

    private final CheckinQueries checkins;

    CheckinPresences(CheckinQueries checkins) {
        this.checkins = checkins;
    }

    @Override
    public List<Stay> atVenue(long venueId, long from, long to) {
        return stays(checkins.atVenue(venueId, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to)));
    }

    @Override
    public List<Stay> ofPerson(long personId, long from, long to) {
        return stays(checkins.ofPerson(personId, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to)));
    }

    private static List<Stay> stays(List<Checkin> checkins) {
        return checkins.stream().filter(checkin -> !checkin.refused())
                .map(checkin -> new Stay(checkin.id(), checkin.personId(), checkin.venueId(),
                        checkin.checkedInAt().getEpochSecond(),
                        checkin.checkedOutAt() == null ? null : checkin.checkedOutAt().getEpochSecond()))
                .toList();
    }
}
