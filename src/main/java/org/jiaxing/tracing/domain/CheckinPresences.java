package org.jiaxing.tracing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.checkin.CheckinWithNext;
import org.jiaxing.checkin.PresenceIndex;
import org.springframework.stereotype.Component;

/**
 * The engine's check-ins from the check-in module, in whole seconds (check-in times are floored).
 * Refused attempts are left out: the person was turned away at the door and was never inside (the check-in
 * module's "next check-in" skips them too). The followed variants are one query per venue range or per chunk
 * of persons, each row with its person's next check-in.
 *
 * <p>When the check-in module's {@link PresenceIndex} is ready, {@link #index()} hands it out and
 * {@link ContactTracer} runs the rules on it ({@link IndexedTrace}) without calling the reads below; until then
 * (it loads at start-up), or when it is switched off, the rules read the database through them.
 */
@Component
class CheckinPresences implements Presences {

    private final CheckinQueries checkins;
    private final PresenceIndex index;

    CheckinPresences(CheckinQueries checkins, PresenceIndex index) {
        this.checkins = checkins;
        this.index = index;
    }

    @Override
    public PresenceIndex index() {
        return index.ready() ? index : null;
    }

    @Override
    public List<Stay> atVenue(long venueId, long from, long to) {
        return stays(checkins.atVenue(venueId, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to)));
    }

    @Override
    public List<Stay> ofPerson(long personId, long from, long to) {
        return stays(checkins.ofPerson(personId, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to)));
    }

    @Override
    public List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long horizon) {
        return followed(checkins.atVenueWithNext(venueId, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to),
                Duration.ofSeconds(horizon)), horizon);
    }

    @Override
    public List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long allFrom, long longerThan,
            long horizon) {
        Instant everyFrom = Instant.ofEpochSecond(allFrom);
        Duration longer = Duration.ofSeconds(longerThan);
        return checkins.atVenueWithNext(venueId, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to), everyFrom,
                        longer, Duration.ofSeconds(horizon)).stream()
                .filter(row -> !row.checkin().refused()).map(row -> {
                    Checkin checkin = row.checkin();
                    boolean lookedUp = !checkin.checkedInAt().isBefore(everyFrom) || checkin.checkedOutAt() != null
                            && checkin.checkedOutAt().isAfter(checkin.checkedInAt().plus(longer));
                    return lookedUp ? followed(row, horizon) : new FollowedStay(stay(checkin), null,
                            checkin.checkedInAt().getEpochSecond());
                }).toList();
    }

    @Override
    public List<FollowedStay> ofPersonsFollowed(Collection<Long> personIds, long from, long to, long horizon) {
        return followed(checkins.ofPersonsWithNext(personIds, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to),
                Duration.ofSeconds(horizon)), horizon);
    }

    private static List<Stay> stays(List<Checkin> checkins) {
        return checkins.stream().filter(checkin -> !checkin.refused()).map(CheckinPresences::stay).toList();
    }

    private static List<FollowedStay> followed(List<CheckinWithNext> rows, long horizon) {
        return rows.stream().filter(row -> !row.checkin().refused()).map(row -> followed(row, horizon)).toList();
    }

    private static FollowedStay followed(CheckinWithNext row, long horizon) {
        Stay stay = stay(row.checkin());
        Long next = row.nextCheckinAt() == null ? null : row.nextCheckinAt().getEpochSecond();
        return new FollowedStay(stay, next, stay.in() + horizon);
    }

    private static Stay stay(Checkin checkin) {
        return new Stay(checkin.id(), checkin.personId(), checkin.venueId(), checkin.checkedInAt().getEpochSecond(),
                checkin.checkedOutAt() == null ? null : checkin.checkedOutAt().getEpochSecond());
    }
}
