package org.jiaxing.tracing.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatus;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.person.Masking;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonNotFound;
import org.jiaxing.person.Persons;
import org.jiaxing.person.PhoneNumbers;
import org.jiaxing.tracing.InvalidInvestigation;
import org.jiaxing.tracing.InvalidInvestigation.Problem;
import org.jiaxing.tracing.InvestigationNotFound;
import org.jiaxing.tracing.TracingRefused;
import org.jiaxing.tracing.domain.InvestigationRecord.RevealState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Investigations: open (resolve the cases, run the rules, store the result), four-eyes reveal, apply as
 * health statuses with notifications. Every step writes an audit entry in the same transaction as its
 * effect. The rules run outside the write transaction, so SQLite's single writer is not held while they read.
 */
@Service
public class Investigations {

    static final String OPEN = "TRACING_INVESTIGATION_OPEN";
    static final String CASE = "TRACING_CASE_LOOKUP";
    static final String REVEAL_REQUEST = "TRACING_REVEAL_REQUEST";
    static final String REVEAL_APPROVE = "TRACING_REVEAL_APPROVE";
    static final String EXPORT = "TRACING_EXPORT";
    static final String APPLY = "TRACING_APPLY";
    static final String SUBJECT = "investigation";

    private final InvestigationStore store;
    private final Presences presences;
    private final TracingRules rules;
    private final Persons persons;
    private final HealthStatuses health;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TracingProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Investigations being applied right now (single node: see GroupCommitRecorder for the scale-out plan). */
    private final Set<Long> applying = ConcurrentHashMap.newKeySet();

    Investigations(InvestigationStore store, Presences presences, TracingRules rules, Persons persons,
            HealthStatuses health, Outbox outbox, AuditLog audit, TracingProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.presences = presences;
        this.rules = rules;
        this.persons = persons;
        this.health = health;
        this.outbox = outbox;
        this.audit = audit;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Opens an investigation and computes its result.
     *
     * @param asOf the reference time; {@code null} for now. Not in the future.
     * @throws InvalidInvestigation with every problem (unknown persons, windows, reason) at once
     */
    public long open(String reason, Instant asOf, List<NewCase> cases, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant reference = asOf == null ? now : asOf.truncatedTo(ChronoUnit.SECONDS);
        List<Problem> problems = new ArrayList<>();
        String why = reason(reason, problems);
        if (reference.isAfter(now)) {
            problems.add(Problem.of("asOf", 0, "tracing.error.asOf.future"));
        }
        if (cases.isEmpty()) {
            problems.add(Problem.of("cases", 0, "tracing.error.cases.none"));
        } else if (cases.size() > properties.maxCases()) {
            problems.add(Problem.of("cases", 0, "tracing.error.cases.tooMany", properties.maxCases()));
        }
        List<InvestigationCase> resolved = new ArrayList<>();
        List<String> lookups = new ArrayList<>();
        for (NewCase newCase : cases) {
            resolve(newCase, problems).ifPresent(person -> {
                resolved.add(new InvestigationCase(person.id(), newCase.from().truncatedTo(ChronoUnit.SECONDS),
                        newCase.to().truncatedTo(ChronoUnit.SECONDS)));
                lookups.add(masked(newCase.phoneOrIdNumber()));
            });
        }
        if (!problems.isEmpty()) {
            throw InvalidInvestigation.of(problems);
        }
        TraceResult result = new ContactTracer(presences, rules.ruleBook())
                .trace(resolved.stream().map(InvestigationCase::window).toList(), reference.getEpochSecond(), true);
        // encoded before the transaction: on SQLite it holds the only write lock from its start to its commit;
        // compressing tens of thousands of contacts is CPU work like the trace's, so it gives way to check-ins too
        ResultCodec.Encoded encoded = TracingThreads.call(() -> ResultCodec.encoded(result));
        return transactions.execute(status -> {
            long id = store.insert(why, reference, actor, now, resolved, encoded);
            var counts = result.counts();
            audit.record(AuditEntry.of(actor, OPEN, SUBJECT, id, why, "cases=%d asOf=%s close=%d secondary=%d exposed=%d"
                    .formatted(resolved.size(), reference, counts.get(ContactLevel.CLOSE),
                            counts.get(ContactLevel.SECONDARY), counts.get(ContactLevel.EXPOSED))));
            for (int i = 0; i < resolved.size(); i++) {
                audit.record(AuditEntry.of(actor, CASE, "person", resolved.get(i).personId(), why,
                        "investigation=" + id + " query=" + lookups.get(i)));
            }
            return id;
        });
    }

    public InvestigationRecord find(long id) {
        return store.find(id).orElseThrow(() -> InvestigationNotFound.forId(id));
    }

    public List<InvestigationRecord> recent(int limit) {
        return store.recent(limit);
    }

    public List<InvestigationCase> cases(long id) {
        find(id);
        return store.cases(id);
    }

    /** The result as computed when the investigation was opened. */
    public TraceResult result(long id) {
        find(id);
        return store.result(id);
    }

    /** Runs the rules again for the stored cases and asOf with today's data and parameters (nothing is stored). */
    public TraceResult recompute(long id) {
        InvestigationRecord header = find(id);
        return new ContactTracer(presences, rules.ruleBook()).trace(
                store.cases(id).stream().map(InvestigationCase::window).toList(), header.asOf().getEpochSecond(), true);
    }

    /** Asks to see the contacts' identities; approved at once when four-eyes is switched off. */
    public InvestigationRecord requestReveal(long id, String reason, String actor) {
        List<Problem> problems = new ArrayList<>();
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw InvalidInvestigation.of(problems);
        }
        return transactions.execute(status -> {
            find(id);
            boolean atOnce = !properties.fourEyes();
            if (!store.requestReveal(id, actor, why, clock.instant().truncatedTo(ChronoUnit.MILLIS), atOnce)) {
                throw TracingRefused.alreadyRequested();
            }
            audit.record(AuditEntry.of(actor, REVEAL_REQUEST, SUBJECT, id, why, atOnce ? "four-eyes off" : null));
            if (atOnce) {
                audit.record(AuditEntry.of(actor, REVEAL_APPROVE, SUBJECT, id, why, "four-eyes off: self-approved"));
            }
            return find(id);
        });
    }

    /** The second pair of eyes: another official approves the request. */
    public InvestigationRecord approveReveal(long id, String actor) {
        return transactions.execute(status -> {
            InvestigationRecord header = find(id);
            if (header.revealState() != RevealState.REQUESTED) {
                throw TracingRefused.nothingToApprove();
            }
            if (actor.equals(header.revealRequestedBy())) {
                throw TracingRefused.ownRequest();
            }
            if (!store.approveReveal(id, actor, clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
                throw TracingRefused.nothingToApprove();
            }
            audit.record(AuditEntry.of(actor, REVEAL_APPROVE, SUBJECT, id, header.revealReason(),
                    "requested by " + header.revealRequestedBy()));
            return find(id);
        });
    }

    /** The contacts in clear text, for the requester after approval; each person's reveal is audited. */
    public List<RevealedContact> revealed(long id, String actor) {
        return transactions.execute(status -> reveal(id, actor));
    }

    /** As {@link #revealed} plus an export audit entry (format and row count). */
    public List<RevealedContact> export(long id, String format, String actor) {
        return transactions.execute(status -> {
            List<RevealedContact> contacts = reveal(id, actor);
            audit.record(AuditEntry.of(actor, EXPORT, SUBJECT, id, find(id).revealReason(),
                    "format=" + format + " rows=" + contacts.size()));
            return contacts;
        });
    }

    private List<RevealedContact> reveal(long id, String actor) {
        InvestigationRecord header = find(id);
        if (!header.revealedTo(actor)) {
            throw TracingRefused.notRevealed();
        }
        String why = truncate("investigation #" + id + ": " + header.revealReason());
        List<RevealedContact> contacts = new ArrayList<>();
        for (Contact contact : store.result(id).contacts()) {
            contacts.add(new RevealedContact(contact, persons.reveal(contact.personId(), actor, why)));
        }
        return contacts;
    }

    /**
     * Re-codes every contact through the health module (never to a milder status than the current one),
     * queues a notification for each change, once per investigation.
     *
     * <p>In transactions of {@code jiaxing.tracing.apply-chunk} contacts: a city-wide result has ~100,000, and one
     * transaction for all of them would hold SQLite's only write lock (and the audit chain's head) for minutes
     * while every check-in of the city waits. The investigation is marked applied, with the audit entry of the
     * whole apply, after the last chunk. If the server stops in between, it is not marked, and applying it
     * again finishes the job: contacts already re-coded are then "kept" (same colour, same end) and get no
     * second notification. Two officials applying at once: the second is refused.
     */
    public ApplyReport apply(long id, String actor) {
        InvestigationRecord header = find(id);
        if (header.applied() || !applying.add(id)) {
            throw TracingRefused.alreadyApplied();
        }
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<Contact> contacts = store.result(id).contacts();
            int changed = 0;
            for (int from = 0; from < contacts.size(); from += properties.applyChunk()) {
                List<Contact> chunk = contacts.subList(from, Math.min(contacts.size(), from + properties.applyChunk()));
                changed += transactions.execute(status -> applyChunk(id, header.reason(), chunk, now, actor));
            }
            ApplyReport report = new ApplyReport(changed, contacts.size() - changed);
            transactions.executeWithoutResult(status -> {
                if (!store.markApplied(id, actor, now)) {
                    throw TracingRefused.alreadyApplied();
                }
                audit.record(AuditEntry.of(actor, APPLY, SUBJECT, id, header.reason(),
                        "changed=" + report.changed() + " kept=" + report.kept()));
            });
            return report;
        } finally {
            applying.remove(id);
        }
    }

    /** @return how many of the chunk's contacts were re-coded */
    private int applyChunk(long id, String reason, List<Contact> chunk, Instant now, String actor) {
        int changed = 0;
        for (Contact contact : chunk) {
            HealthColour colour = properties.colourFor(contact.level());
            Instant until = now.plus(properties.durationFor(contact.level()));
            if (!raises(health.current(contact.personId()).at(now), colour, until)) {
                continue;
            }
            try {
                health.assign(contact.personId(), colour, truncate("精准追溯 #" + id + " " + contact.level() + ": "
                        + reason), until, actor);
            } catch (PersonNotFound gone) {
                continue;
            }
            outbox.queue(contact.personId(), id, contact.level(), colour, until, now);
            changed++;
        }
        return changed;
    }

    /**
     * Whether the new status is stricter than the current one, or as strict and lasting longer (a stricter
     * current status is never downgraded; an open-ended one is never shortened).
     */
    static boolean raises(HealthStatus current, HealthColour colour, Instant until) {
        int compared = Integer.compare(colour.ordinal(), current.colour().ordinal());
        if (compared != 0) {
            return compared > 0;
        }
        return colour != HealthColour.GREEN && current.until() != null && current.until().isBefore(until);
    }

    private Optional<Person> resolve(NewCase newCase, List<Problem> problems) {
        int line = newCase.line();
        if (newCase.from() == null) {
            problems.add(Problem.of("from", line, "tracing.error.case.from"));
        }
        if (newCase.to() == null) {
            problems.add(Problem.of("to", line, "tracing.error.case.to"));
        }
        if (newCase.from() != null && newCase.to() != null
                && !newCase.to().truncatedTo(ChronoUnit.SECONDS).isAfter(newCase.from().truncatedTo(ChronoUnit.SECONDS))) {
            problems.add(Problem.of("to", line, "tracing.error.case.window"));
        }
        String who = newCase.phoneOrIdNumber() == null ? "" : newCase.phoneOrIdNumber().strip();
        Optional<Person> person;
        if (PhoneNumbers.isValid(who)) {
            person = persons.findByPhone(who);
        } else if (IdNumbers.hasShape(IdNumbers.normalize(who))) {
            person = persons.findByIdNumber(IdNumbers.normalize(who));
        } else {
            problems.add(Problem.of("case", line, "tracing.error.case.unrecognised"));
            return Optional.empty();
        }
        if (person.isEmpty()) {
            problems.add(Problem.of("case", line, "tracing.error.case.unknown", masked(who)));
        }
        return problems.stream().anyMatch(problem -> problem.line() == line && line > 0) ? Optional.empty() : person;
    }

    private static String masked(String who) {
        String value = who == null ? "" : who.strip();
        return PhoneNumbers.isValid(value) ? Masking.phone(PhoneNumbers.normalize(value))
                : Masking.idNumber(IdNumbers.normalize(value));
    }

    private static String reason(String reason, List<Problem> problems) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(Problem.of("reason", 0, "tracing.error.reason.required"));
        } else if (why.length() > AuditEntry.MAX_REASON) {
            problems.add(Problem.of("reason", 0, "tracing.error.reason.tooLong", AuditEntry.MAX_REASON));
        }
        return why;
    }

    private static String truncate(String text) {
        return text.length() <= AuditEntry.MAX_REASON ? text : text.substring(0, AuditEntry.MAX_REASON);
    }
}
