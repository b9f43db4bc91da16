package org.jiaxing.venue.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.InvalidVenue;
import org.jiaxing.venue.InvalidVenue.Problem;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueAccessDenied;
import org.jiaxing.venue.VenueChanged;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueNotFound;
import org.jiaxing.venue.VenueRegistered;
import org.jiaxing.venue.VenueRegistry;
import org.jiaxing.venue.VenueStatus;
import org.jiaxing.venue.domain.VenueStore.Upsert;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering and changing venues. Order of checks: may this role write at all (403), is the venue
 * visible to the user (404, so scope cannot be probed), is the input valid (400 with every problem),
 * is the target town the user's (403).
 */
@Service
@Transactional
class VenueRegistryService implements VenueRegistry {

    private final VenueRepository venues;
    private final VenueStore store;
    private final VenueValidator validator;
    private final VenueUpserter upserter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VenueRegistryService(VenueRepository venues, VenueStore store, VenueValidator validator, VenueUpserter upserter,
            ApplicationEventPublisher events, Clock clock) {
        this.venues = venues;
        this.store = store;
        this.validator = validator;
        this.upserter = upserter;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Venue register(VenueDraft draft, StaffUser by) {
        requireWriter(by);
        VenueDraft valid = validate(draft, null);
        requireTown(valid.townCode(), by);
        long id;
        try {
            id = store.insert(valid, clock.instant());
        } catch (DuplicateKeyException raceWithAnotherRegistration) {
            throw InvalidVenue.of(Problem.of("code", "venue.error.code.taken", valid.code()));
        }
        events.publishEvent(new VenueRegistered(id, valid.code(), valid.townCode(), valid.categoryCode()));
        return venues.findById(id).orElseThrow();
    }

    @Override
    public Venue update(long id, VenueDraft draft, StaffUser by) {
        Venue current = requireManageable(id, by);
        VenueDraft valid = validate(draft, current.id());
        requireTown(valid.townCode(), by);
        try {
            store.update(id, valid, clock.instant());
        } catch (DuplicateKeyException raceWithAnotherRegistration) {
            throw InvalidVenue.of(Problem.of("code", "venue.error.code.taken", valid.code()));
        }
        events.publishEvent(new VenueChanged(id, valid.code(), valid.townCode(), valid.categoryCode(), current.status()));
        return venues.findById(id).orElseThrow();
    }

    @Override
    public Venue changeStatus(long id, VenueStatus status, StaffUser by) {
        Venue current = requireManageable(id, by);
        if (status == null) {
            throw InvalidVenue.of(Problem.of("status", "venue.error.status.required"));
        }
        if (status != current.status()) {
            store.changeStatus(id, status, clock.instant());
            events.publishEvent(new VenueChanged(id, current.code(), current.townCode(), current.category().code(),
                    status));
        }
        return venues.findById(id).orElseThrow();
    }

    @Override
    public int upsertAll(List<VenueDraft> drafts) {
        List<Problem> problems = new ArrayList<>();
        List<Upsert> rows = new ArrayList<>(drafts.size());
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        for (int index = 0; index < drafts.size(); index++) {
            VenueDraft draft = VenueRules.normalize(drafts.get(index));
            int row = index;
            validator.problems(draft).forEach(problem -> problems.add(problem.inRow(row)));
            Integer first = draft.code() == null ? null : firstRowOfCode.putIfAbsent(draft.code(), index);
            if (first != null) {
                problems.add(Problem.of("code", "venue.error.code.duplicate", draft.code(), first).inRow(index));
            }
            rows.add(new Upsert(draft, null));
        }
        if (!problems.isEmpty()) {
            throw InvalidVenue.of(problems);
        }
        upserter.upsert(rows, venues.existing(firstRowOfCode.keySet()));
        return rows.size();
    }

    private VenueDraft validate(VenueDraft draft, Long ownId) {
        VenueDraft normalized = VenueRules.normalize(draft);
        List<Problem> problems = new ArrayList<>(validator.problems(normalized));
        boolean codeOk = problems.stream().noneMatch(problem -> problem.field().equals("code"));
        if (codeOk && venues.findByCode(normalized.code())
                .filter(other -> !Objects.equals(other.id(), ownId)).isPresent()) {
            problems.add(0, Problem.of("code", "venue.error.code.taken", normalized.code()));
        }
        if (!problems.isEmpty()) {
            throw InvalidVenue.of(problems);
        }
        return normalized;
    }

    private Venue requireManageable(long id, StaffUser by) {
        requireWriter(by);
        Venue venue = venues.findById(id).filter(found -> VenueAccessPolicy.canView(found, by))
                .orElseThrow(() -> VenueNotFound.forId(id));
        if (!VenueAccessPolicy.canManage(venue, by)) {
            throw VenueAccessDenied.toChange();
        }
        return venue;
    }

    private static void requireWriter(StaffUser by) {
        if (!VenueAccessPolicy.canWrite(by)) {
            throw VenueAccessDenied.toChange();
        }
    }

    private static void requireTown(String townCode, StaffUser by) {
        if (!VenueAccessPolicy.canManageTown(townCode, by)) {
            throw VenueAccessDenied.forTown(townCode);
        }
    }
}
