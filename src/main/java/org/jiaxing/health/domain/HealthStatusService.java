package org.jiaxing.health.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatus;
import org.jiaxing.health.HealthStatusChanged;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.health.InvalidHealthStatus;
import org.jiaxing.health.InvalidHealthStatus.Problem;
import org.jiaxing.person.PersonNotFound;
import org.jiaxing.person.Persons;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Reads from the in-memory {@link NotGreenCache}; writes status, history and audit entry in one transaction. */
@Service
class HealthStatusService implements HealthStatuses {

    static final String ACTION = "HEALTH_STATUS_CHANGE";

    private final HealthStatusStore store;
    private final NotGreenCache cache;
    private final Persons persons;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HealthStatusService(HealthStatusStore store, NotGreenCache cache, Persons persons, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.persons = persons;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** No transaction: the scan path must not take a connection, let alone SQLite's write lock. */
    @Override
    public HealthStatus current(long personId) {
        return cache.current(personId, clock.instant());
    }

    @Override
    public Map<Long, HealthStatus> current(Collection<Long> personIds) {
        Instant now = clock.instant();
        Map<Long, HealthStatus> statuses = new LinkedHashMap<>();
        personIds.forEach(id -> statuses.put(id, cache.current(id, now)));
        return statuses;
    }

    @Override
    @Transactional
    public HealthStatus assign(long personId, HealthColour colour, String reason, Instant until, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a status is assigned by someone");
        }
        // milliseconds, as the database keeps them: the returned status equals the one read back later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant end = until == null ? null : until.truncatedTo(ChronoUnit.MILLIS);
        String why = validate(colour, reason, end, now);
        if (persons.find(personId).isEmpty()) {
            throw PersonNotFound.forId(personId);
        }
        HealthColour previous = store.find(personId).map(status -> status.at(now).colour()).orElse(HealthColour.GREEN);
        HealthStatus next = new HealthStatus(personId, colour, why, now, end);
        store.save(next, previous, actor);
        audit.record(AuditEntry.of(actor, ACTION, "person", personId, why,
                previous + "->" + colour + (end == null ? "" : " until " + end)));
        events.publishEvent(new HealthStatusChanged(personId, previous, colour, why));
        refreshCacheAfterCommit(personId);
        return next;
    }

    @Override
    public List<HealthStatus> history(long personId) {
        return store.history(personId);
    }

    /** @return the reason, trimmed */
    private static String validate(HealthColour colour, String reason, Instant until, Instant now) {
        List<Problem> problems = new ArrayList<>();
        if (colour == null) {
            problems.add(Problem.of("colour", "health.error.colour.required"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(Problem.of("reason", "health.error.reason.required"));
        } else if (why.length() > AuditEntry.MAX_REASON) {
            problems.add(Problem.of("reason", "health.error.reason.tooLong", AuditEntry.MAX_REASON));
        }
        if (until != null && !until.isAfter(now)) {
            problems.add(Problem.of("until", "health.error.until.past"));
        }
        if (!problems.isEmpty()) {
            throw InvalidHealthStatus.of(problems);
        }
        return why;
    }

    /**
     * The door must never see a status that was rolled back, so the cache learns of it only after the
     * commit (of the caller's transaction, when this one joined it).
     */
    private void refreshCacheAfterCommit(long personId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.refresh(personId);
            }
        });
    }
}
