package org.jiaxing.checkin.domain;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.code.CodeVerification;
import org.jiaxing.code.TabletCodes;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.health.HealthStatus;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonNotFound;
import org.jiaxing.person.Persons;
import org.jiaxing.shared.cache.ReadThroughCache;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueChanged;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The scan at the door, whoever starts it (the visitor's phone, a companion, staff, the API): resolve
 * the code, read the status, record the visit. Token checks (code module), visitor passes, venues,
 * persons (person module) and statuses (health module) are served from memory, so the only real cost is
 * the group-committed write. Venues are cached here and forgotten when one changes (status included),
 * at the change and again after its commit.
 */
@Service
public class Visits {

    private final VenueCodes codes;
    private final TabletCodes tablets;
    private final VenueDirectory venues;
    private final Persons persons;
    private final HealthStatuses health;
    private final CheckinRecorder recorder;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final ReadThroughCache<Long, Venue> openVenues = new ReadThroughCache<>(50_000);

    Visits(VenueCodes codes, TabletCodes tablets, VenueDirectory venues, Persons persons, HealthStatuses health, CheckinRecorder recorder,
            RateLimiter rateLimiter, Clock clock) {
        this.codes = codes;
        this.tablets = tablets;
        this.venues = venues;
        this.persons = persons;
        this.health = health;
        this.recorder = recorder;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /**
     * Resolves a scan. For a venue in tablet mode only a rotating code's stamp ({@code t}) at most
     * {@code steps} old is accepted: the page opened by the scan allows {@link TabletCodes#SCAN_STEPS}, the
     * registration form submitted from it a few minutes more.
     */
    public ScannedVenue resolve(String token, String stamp, int steps) {
        ScannedVenue scanned = resolve(token);
        if (scanned instanceof ScannedVenue.Open open && tablets.enabled(open.venue().id())
                && !tablets.fresh(open.venue().id(), stamp, steps)) {
            return new ScannedVenue.Unusable(ScannedVenue.Problem.STALE, open.venue());
        }
        return scanned;
    }

    public ScannedVenue resolve(String token) {
        return switch (codes.verify(token)) {
            case CodeVerification.Valid valid -> venue(valid.venueId())
                    .map(Visits::byStatus)
                    .orElse(new ScannedVenue.Unusable(ScannedVenue.Problem.INVALID, null));
            case CodeVerification.Withdrawn withdrawn -> new ScannedVenue.Unusable(ScannedVenue.Problem.WITHDRAWN, null);
            case CodeVerification.Invalid invalid -> new ScannedVenue.Unusable(ScannedVenue.Problem.INVALID, null);
            case CodeVerification.UnknownKey unknown -> new ScannedVenue.Unusable(ScannedVenue.Problem.INVALID, null);
        };
    }

    private Optional<Venue> venue(long venueId) {
        return openVenues.get(venueId, venues::findById);
    }

    /** At the change (a scan may still load the old row, which the cache then refuses)... */
    @EventListener
    void changing(VenueChanged event) {
        openVenues.invalidate(event.venueId());
    }

    /** ...and after its commit, which no scan can have read before. */
    @TransactionalEventListener(fallbackExecution = true)
    void changed(VenueChanged event) {
        openVenues.invalidate(event.venueId());
    }

    private static ScannedVenue byStatus(Venue venue) {
        return switch (venue.status()) {
            case ACTIVE -> new ScannedVenue.Open(venue);
            case SUSPENDED -> new ScannedVenue.Unusable(ScannedVenue.Problem.SUSPENDED, venue);
            case CLOSED -> new ScannedVenue.Unusable(ScannedVenue.Problem.CLOSED, venue);
        };
    }

    /**
     * Records the person's visit. A YELLOW or RED status is refused entry: the attempt is recorded as
     * refused (staff see it), and the visitor is told not to enter.
     */
    public Visit checkIn(Venue venue, long personId, CheckinChannel channel, String deviceId) {
        return checkIn(venue, personId, channel, deviceId, recorder::record);
    }

    /**
     * The same, written by {@code writer} instead of the group-commit writer: the benchmark's naive
     * baseline does all of a scan's work and differs only in the write.
     */
    public Visit checkIn(Venue venue, long personId, CheckinChannel channel, String deviceId,
            Function<NewCheckin, CheckinResult> writer) {
        rateLimiter.checkPerson(personId);
        return record(venue, persons.find(personId).orElseThrow(() -> PersonNotFound.forId(personId)), channel,
                deviceId, writer);
    }

    /** The same for a person the caller has just looked up ({@link Persons#find}): no second look-up. */
    public Visit checkIn(Venue venue, Person person, CheckinChannel channel, String deviceId) {
        return checkIn(venue, person, channel, deviceId, recorder::record);
    }

    public Visit checkIn(Venue venue, Person person, CheckinChannel channel, String deviceId,
            Function<NewCheckin, CheckinResult> writer) {
        rateLimiter.checkPerson(person.id());
        return record(venue, person, channel, deviceId, writer);
    }

    private Visit record(Venue venue, Person person, CheckinChannel channel, String deviceId,
            Function<NewCheckin, CheckinResult> writer) {
        long personId = person.id();
        HealthStatus status = health.current(personId);
        CheckinResult result = writer.apply(new NewCheckin(personId, venue.id(), clock.instant(),
                status.colour().refusesEntry(), channel, deviceId));
        return new Visit(venue, person, status, result);
    }
}
