package org.jiaxing.tracing.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jiaxing.checkin.PresenceIndex;

/**
 * The rules of {@link ContactTracer} (its javadoc), run on the check-in module's in-memory {@link PresenceIndex}:
 * the same steps, on primitives. A venue's check-ins are walked with a cursor and rejected on their times first
 * (most of a look-back range ended before the presence began; the cursor skips blocks of those whole); a person's next check-in (rule 1's cut) is looked
 * up only for those that remain, and {@link Evidence} is built only for contacts. No cache is needed: reading a
 * range again costs a binary search.
 *
 * <p>As in {@link ContactTracer}, check-ins at or after {@code asOf} had not happened: none is read, and a next
 * check-in at or after {@code asOf} cuts nothing.
 */
final class IndexedTrace {

    /** "Any later check-in": the index finds the person's next one at any distance for the same cost. */
    private static final long FOREVER = 100L * 365 * 86_400;

    private final PresenceIndex index;
    private final RuleBook rules;
    private final long asOf;
    private final long lookback;
    private final Map<Long, VenueRule> venueRules = new HashMap<>();
    private final TwoHands hands = new TwoHands();

    IndexedTrace(PresenceIndex index, RuleBook rules, long asOf) {
        this.index = index;
        this.rules = rules;
        this.asOf = asOf;
        this.lookback = rules.lookback();
    }

    TraceResult trace(List<CaseWindow> cases, boolean secondary) {
        // the hands' tables are kept between traces (EvidenceTable.take): no young collection copies them mid-search
        EvidenceTable evidence = EvidenceTable.take();
        EvidenceTable onward = secondary ? EvidenceTable.take() : null;
        try {
            return trace(cases, evidence, onward);
        } finally {
            evidence.release();
            if (onward != null) {
                onward.release();
            }
        }
    }

    /** The rules, filing rules 3 and 4 into {@code evidence} and, unless {@code onward} is null, rule 5 into both. */
    private TraceResult trace(List<CaseWindow> cases, EvidenceTable evidence, EvidenceTable onward) {
        LongSet casePersons = new LongSet(cases.size());
        cases.forEach(window -> casePersons.add(window.personId()));

        // rule 2
        Set<CasePresence> presenceSet = new LinkedHashSet<>();
        for (CaseWindow window : cases) {
            for (Own stay : ownStays(window.personId(), window.from() - lookback, window.to())) {
                long start = Math.max(stay.in, window.from());
                long end = Math.min(stay.end, window.to());
                if (start < end) {
                    presenceSet.add(new CasePresence(window.personId(), stay.checkinId, stay.venueId, start, end,
                            end + rule(stay.venueId).linger()));
                }
            }
        }
        List<CasePresence> casePresences = presenceSet.stream().sorted(ContactTracer.PRESENCE_ORDER).toList();

        // rules 3 and 4
        for (CasePresence presence : casePresences) {
            VenueRule rule = rule(presence.venueId());
            long start = presence.start();
            PresenceIndex.VenueCursor at = index.venue(presence.venueId(), start - lookback,
                    Math.min(presence.riskEnd(), asOf), start, rule.dwell());
            while (at.advance()) {
                long in = at.in();
                long rawEnd = rawEnd(in, at.out(), rule);
                if (rawEnd <= start) {
                    continue;
                }
                long person = at.personId();
                if (casePersons.contains(person)) {
                    continue;
                }
                long end = cut(in, rawEnd, at);
                long from = Math.max(in, start);
                long to = Math.min(end, presence.end());
                if (to - from >= rule.close()) {
                    evidence.add(person, ContactLevel.CLOSE, presence.venueId(), from, to, presence.casePersonId(),
                            EvidenceTable.NO_VIA, at.checkinId());
                    continue;
                }
                long exposedTo = Math.min(end, presence.riskEnd());
                if (exposedTo > from) {
                    evidence.add(person, ContactLevel.EXPOSED, presence.venueId(), from, exposedTo,
                            presence.casePersonId(), EvidenceTable.NO_VIA, at.checkinId());
                }
            }
        }

        // rule 5
        if (onward != null) {
            Map<Long, Evidence> exposures = evidence.firstCloseOverlaps();
            // neither a case nor a close contact can be SECONDARY: one set, so that the sweep tests each check-in once
            LongSet notSecondary = new LongSet(exposures.size() + casePersons.size());
            exposures.keySet().forEach(notSecondary::add);
            cases.forEach(window -> notSecondary.add(window.personId()));
            Map<Long, List<Onward>> onwardsByVenue = new HashMap<>();
            for (Map.Entry<Long, Evidence> exposure : exposures.entrySet()) {
                long closeContact = exposure.getKey();
                long exposedAt = exposure.getValue().from();
                for (Own own : ownStays(closeContact, exposedAt - lookback, asOf)) {
                    long start = Math.max(own.in, exposedAt);
                    long end = Math.min(own.end, asOf);
                    if (start < end) {
                        onwardsByVenue.computeIfAbsent(own.venueId, venue -> new ArrayList<>())
                                .add(new Onward(start, end, closeContact, exposure.getValue()));
                    }
                }
            }
            // both hands take venues, the busiest first, each filing into a table of its own
            List<Long> venues = new ArrayList<>(onwardsByVenue.keySet());
            venues.sort(Comparator.comparingInt((Long venue) -> onwardsByVenue.get(venue).size()).reversed()
                    .thenComparing(Comparator.naturalOrder()));
            venues.forEach(this::rule); // resolved here: the rule cache is not shared between threads
            List<EvidenceTable> tables = List.of(evidence, onward);
            AtomicInteger nextVenue = new AtomicInteger();
            hands.run(hand -> {
                for (int v; (v = nextVenue.getAndIncrement()) < venues.size(); ) {
                    long venueId = venues.get(v);
                    secondary(venueId, onwardsByVenue.get(venueId), notSecondary, tables.get(hand));
                }
            });
            return new TraceResult(casePresences, EvidenceTable.contacts(tables, hands));
        }
        return new TraceResult(casePresences, EvidenceTable.contacts(List.of(evidence), hands));
    }

    /** A close contact's presence after exposure (rule 5): [start, end) at a venue. */
    private record Onward(long start, long end, long closeContact, Evidence exposure) {
    }

    /**
     * Rule 5 at one venue, for all close contacts' presences there in one walk of the venue's check-ins. The close
     * contacts of a case are mostly its workplace: walking the factory's day once per close contact repeated the
     * same check-ins a thousand times, and most of them were close contacts themselves. Now each check-in is
     * tested once against its time and against one set of the cases and close contacts, and only survivors against the
     * presences. The walk is a sweep in check-in order: a presence becomes active when the walk reaches its start
     * minus the look-back and is dropped for good once the walk passes its end, so a check-in is compared with the
     * presences around its own time, not with every presence of the days before (the active ones are kept in
     * start order, so the ones starting after the check-in's end are never looked at). Each pair keeps exactly the
     * per-presence conditions: the check-in within the look-back of the presence's start and before its end,
     * overlapping it by at least {@code close} after the cut.
     */
    private void secondary(long venueId, List<Onward> onwards, LongSet notSecondary, EvidenceTable evidence) {
        VenueRule rule = rule(venueId);
        Onward[] byStart = onwards.toArray(new Onward[0]);
        java.util.Arrays.sort(byStart, java.util.Comparator.comparingLong(Onward::start));
        // One walk per run of presences whose look-back ranges meet: between two runs no check-in is near any
        // presence (the last run has ended, the next one's look-back has not begun), so it is not walked at all. A
        // supermarket that three close contacts visited on three days is walked three times for an hour or two,
        // not for the three days.
        int from = 0;
        while (from < byStart.length) {
            long last = byStart[from].end();
            int to = from + 1;
            while (to < byStart.length && byStart[to].start() - lookback < Math.min(last, asOf)) {
                last = Math.max(last, byStart[to].end());
                to++;
            }
            sweep(venueId, rule, java.util.Arrays.copyOfRange(byStart, from, to), last, notSecondary, evidence);
            from = to;
        }
    }

    /** The sweep of {@link #secondary} over one run of presences (in start order) that ends at {@code last}. */
    private void sweep(long venueId, VenueRule rule, Onward[] byStart, long last, LongSet notSecondary,
            EvidenceTable evidence) {
        long first = byStart[0].start();
        Onward[] active = new Onward[byStart.length];
        int activeCount = 0;
        int activated = 0;
        PresenceIndex.VenueCursor at = index.venue(venueId, first - lookback, Math.min(last, asOf), first, rule.dwell());
        while (at.advance()) {
            long in = at.in();
            long rawEnd = rawEnd(in, at.out(), rule);
            if (rawEnd <= first || rawEnd - in < rule.close()) {
                continue; // cutting can only shorten: too short already uncut
            }
            long person = at.personId();
            if (notSecondary.contains(person)) {
                continue;
            }
            while (activated < byStart.length && in >= byStart[activated].start() - lookback) {
                active[activeCount++] = byStart[activated++]; // appended in start order
            }
            long end = Long.MIN_VALUE; // the cut end, looked up once, when a presence needs it
            int kept = 0;
            int k = 0;
            for (; k < activeCount; k++) {
                Onward onward = active[k];
                if (in >= Math.min(onward.end(), asOf)) {
                    continue; // over before this check-in, so before every later one: dropped
                }
                if (onward.start() >= rawEnd) {
                    break; // in start order: no later presence overlaps this stay
                }
                active[kept++] = onward;
                if (Math.min(rawEnd, onward.end()) - Math.max(in, onward.start()) < rule.close()) {
                    continue;
                }
                if (end == Long.MIN_VALUE) {
                    end = cut(in, rawEnd, at);
                }
                long from = Math.max(in, onward.start());
                long to = Math.min(end, onward.end());
                if (to - from >= rule.close()) {
                    evidence.add(person, ContactLevel.SECONDARY, venueId, from, to, onward.exposure().casePersonId(),
                            onward.closeContact(), at.checkinId());
                }
            }
            if (kept < k) {
                System.arraycopy(active, k, active, kept, activeCount - k);
            }
            activeCount = kept + (activeCount - k);
        }
    }

    /** A person's own stay (rule 1 applied): check-in, cut end, where. */
    private record Own(long checkinId, long venueId, long in, long end) {
    }

    /** The person's check-ins in [from, min(to, asOf)) whose rule-1 end is after {@code from + lookback}... */
    private List<Own> ownStays(long personId, long from, long to) {
        List<Own> stays = new ArrayList<>();
        long until = Math.min(to, asOf);
        if (from >= until) {
            return stays;
        }
        index.scanPerson(personId, from, until, FOREVER, (id, person, venue, in, out, next) -> {
            long end = rawEnd(in, out, rule(venue));
            if (next != PresenceIndex.NO_NEXT && next < asOf && next < end) {
                end = next;
            }
            stays.add(new Own(id, venue, in, end));
        });
        return stays;
    }

    /** Rule 1 before the cut: the check-out if recorded and after the check-in, else check-in + dwell. */
    private static long rawEnd(long in, long out, VenueRule rule) {
        return out != PresenceIndex.NO_OUT && out > in ? out : in + rule.dwell();
    }

    /** Rule 1's cut: the person's next check-in (known at asOf) if it starts before the end. */
    private long cut(long in, long rawEnd, PresenceIndex.VenueCursor at) {
        long next = at.next(Math.min(rawEnd, asOf));
        return next == PresenceIndex.NO_NEXT ? rawEnd : next;
    }

    /** The venue's rule, cached; while both hands run, only read (every venue they visit is resolved before). */
    private VenueRule rule(long venueId) {
        VenueRule rule = venueRules.get(venueId);
        if (rule == null) {
            rule = rules.forVenue(venueId);
            venueRules.put(venueId, rule);
        }
        return rule;
    }
}
