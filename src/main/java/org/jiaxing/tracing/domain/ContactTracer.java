package org.jiaxing.tracing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contact rules of issue 4, exactly as written, with no clock and no database: check-ins come from
 * {@link Presences}, parameters from {@link RuleBook}, and the reference time {@code asOf} is a parameter.
 * Check-ins that start at or after {@code asOf} had not happened at that time and are ignored, so a
 * re-run with the same {@code asOf} gives the same result. Times are epoch seconds; intervals are [start, end).
 *
 * <ol>
 * <li>I(c) = [in, end): end = out if recorded and out &gt; in, else in + dwell; cut at the person's next
 * check-in (any venue) if that starts before end.</li>
 * <li>Case presences P = I(c) ∩ W for the case's check-ins, when non-empty.</li>
 * <li>CLOSE: a non-case with a check-in at the venue overlapping P by at least {@code close}.</li>
 * <li>EXPOSED: a non-case, non-CLOSE person whose presence overlaps [P.start, P.end + linger) at all.</li>
 * <li>SECONDARY: for each CLOSE q with earliest close-overlap start s_q, q's presences I(c) ∩ [s_q, asOf);
 * a non-case, non-CLOSE r overlapping one of them at its venue by at least {@code close}.</li>
 * <li>Each person once, at CLOSE &gt; SECONDARY &gt; EXPOSED, with all evidence.</li>
 * <li>Risk windows [P.start, P.end + linger) at each case presence's venue.</li>
 * </ol>
 */
public final class ContactTracer {

    static final Comparator<Evidence> EVIDENCE_ORDER = Comparator.comparing(Evidence::kind)
            .thenComparingLong(Evidence::from).thenComparingLong(Evidence::to).thenComparingLong(Evidence::venueId)
            .thenComparingLong(Evidence::casePersonId)
            .thenComparing(evidence -> evidence.viaPersonId() == null ? -1L : evidence.viaPersonId())
            .thenComparingLong(Evidence::checkinId);
    static final Comparator<CasePresence> PRESENCE_ORDER = Comparator.comparingLong(CasePresence::start)
            .thenComparingLong(CasePresence::end).thenComparingLong(CasePresence::venueId)
            .thenComparingLong(CasePresence::casePersonId).thenComparingLong(CasePresence::checkinId);

    private final Presences presences;
    private final RuleBook rules;

    public ContactTracer(Presences presences, RuleBook rules) {
        this.presences = presences;
        this.rules = rules;
    }

    /**
     * @param cases     the cases with their infectious windows (a person may be given more than one window)
     * @param asOf      the investigation's reference time, epoch seconds
     * @param secondary whether to look for secondary contacts (the costlier second degree)
     */
    public TraceResult trace(List<CaseWindow> cases, long asOf, boolean secondary) {
        org.jiaxing.checkin.PresenceIndex index = presences.index();
        if (index != null) {
            // the same rules on primitives, straight from memory (IndexedTrace): CPU only, seconds of it for a
            // city-wide second degree, so on low-priority threads that give way to check-ins (TracingThreads)
            return TracingThreads.call(() -> new IndexedTrace(index, rules, asOf).trace(cases, secondary));
        }
        Presences known = new KnownAt(presences, asOf);
        Timelines timelines = new Timelines(known, rules);
        long lookback = rules.lookback();
        VenueStays venues = new VenueStays(known, timelines, rules);
        Set<Long> casePersons = new HashSet<>();
        cases.forEach(window -> casePersons.add(window.personId()));

        // rule 2
        timelines.load(casePersons, cases.stream().mapToLong(CaseWindow::from).min().orElse(0) - lookback,
                cases.stream().mapToLong(CaseWindow::to).max().orElse(0));
        Set<CasePresence> presenceSet = new LinkedHashSet<>();
        for (CaseWindow window : cases) {
            for (Stay stay : timelines.stays(window.personId(), window.from() - lookback, window.to())) {
                if (timelines.rawEnd(stay) <= window.from()) {
                    continue;
                }
                long start = Math.max(stay.in(), window.from());
                long end = Math.min(timelines.end(stay), window.to());
                if (start < end) {
                    long linger = rules.forVenue(stay.venueId()).linger();
                    presenceSet.add(new CasePresence(window.personId(), stay.checkinId(), stay.venueId(), start, end,
                            end + linger));
                }
            }
        }
        List<CasePresence> casePresences = presenceSet.stream().sorted(PRESENCE_ORDER).toList();

        // rules 3 and 4
        venues.prefetch(casePresences.stream()
                .map(presence -> new VenueStays.During(presence.venueId(), presence.start(), presence.riskEnd()))
                .toList());
        Map<Long, List<Evidence>> evidence = new HashMap<>();
        for (CasePresence presence : casePresences) {
            long close = rules.forVenue(presence.venueId()).close();
            for (Stay stay : venues.during(presence.venueId(), presence.start(), presence.riskEnd())) {
                if (casePersons.contains(stay.personId()) || timelines.rawEnd(stay) <= presence.start()) {
                    continue;
                }
                long end = timelines.end(stay);
                long from = Math.max(stay.in(), presence.start());
                long to = Math.min(end, presence.end());
                if (to - from >= close) {
                    add(evidence, stay, new Evidence(ContactLevel.CLOSE, presence.venueId(), from, to,
                            presence.casePersonId(), null, stay.checkinId()));
                    continue;
                }
                long exposedTo = Math.min(end, presence.riskEnd());
                if (exposedTo > from) {
                    add(evidence, stay, new Evidence(ContactLevel.EXPOSED, presence.venueId(), from, exposedTo,
                            presence.casePersonId(), null, stay.checkinId()));
                }
            }
        }

        // rule 5
        if (secondary) {
            Map<Long, Evidence> exposures = firstCloseOverlaps(evidence);
            List<Onward> onwards = onwardPresences(exposures, timelines, asOf);
            venues.prefetch(onwards.stream()
                    .map(onward -> new VenueStays.During(onward.venueId(), onward.start(), onward.end())).toList());
            for (Onward onward : onwards) {
                long close = rules.forVenue(onward.venueId()).close();
                for (Stay stay : venues.during(onward.venueId(), onward.start(), onward.end())) {
                    if (casePersons.contains(stay.personId()) || exposures.containsKey(stay.personId())
                            || timelines.rawEnd(stay) <= onward.start()) {
                        continue;
                    }
                    long from = Math.max(stay.in(), onward.start());
                    long to = Math.min(timelines.end(stay), onward.end());
                    if (to - from >= close) {
                        add(evidence, stay, new Evidence(ContactLevel.SECONDARY, onward.venueId(), from, to,
                                onward.exposure().casePersonId(), onward.closeContact(), stay.checkinId()));
                    }
                }
            }
        }

        return result(casePresences, evidence);
    }

    /** Rule 6: each person once, at the highest level, with all evidence (in a fixed order). */
    static TraceResult result(List<CasePresence> casePresences, Map<Long, List<Evidence>> evidence) {
        List<Contact> contacts = new ArrayList<>(evidence.size());
        for (Map.Entry<Long, List<Evidence>> entry : evidence.entrySet()) {
            List<Evidence> items = distinctInOrder(entry.getValue());
            contacts.add(new Contact(entry.getKey(), items.getFirst().kind(), items));
        }
        contacts.sort(Comparator.comparing(Contact::level).thenComparingLong(Contact::personId));
        return new TraceResult(casePresences, contacts);
    }

    /**
     * The items sorted by {@link #EVIDENCE_ORDER}, each once. That order compares every field, so equal items end
     * up next to each other; written out by hand because a city's second degree has millions of items.
     */
    static List<Evidence> distinctInOrder(List<Evidence> items) {
        return distinctInOrder(items.toArray(new Evidence[0]), items.size());
    }

    /** The first {@code count} items of the array (reordered in place) sorted and each once, as above. */
    static List<Evidence> distinctInOrder(Evidence[] items, int count) {
        if (count == 1) {
            return List.of(items[0]);
        }
        java.util.Arrays.sort(items, 0, count, ContactTracer::compareEvidence);
        int kept = 1;
        for (int i = 1; i < count; i++) {
            if (!items[i].equals(items[kept - 1])) {
                items[kept++] = items[i];
            }
        }
        return List.of(java.util.Arrays.copyOf(items, kept));
    }

    /** {@link #EVIDENCE_ORDER}, without boxing. */
    static int compareEvidence(Evidence a, Evidence b) {
        int c = a.kind().compareTo(b.kind());
        if (c == 0) {
            c = Long.compare(a.from(), b.from());
        }
        if (c == 0) {
            c = Long.compare(a.to(), b.to());
        }
        if (c == 0) {
            c = Long.compare(a.venueId(), b.venueId());
        }
        if (c == 0) {
            c = Long.compare(a.casePersonId(), b.casePersonId());
        }
        if (c == 0) {
            c = Long.compare(a.viaPersonId() == null ? -1L : a.viaPersonId(), b.viaPersonId() == null ? -1L : b.viaPersonId());
        }
        if (c == 0) {
            c = Long.compare(a.checkinId(), b.checkinId());
        }
        return c;
    }

    /** A close contact's presence after exposure (rule 5): I(c) ∩ [s_q, asOf) at a venue. */
    private record Onward(long closeContact, Evidence exposure, long venueId, long start, long end) {
    }

    /** Each close contact's presences after exposure, their check-ins read in bulk. */
    private List<Onward> onwardPresences(Map<Long, Evidence> exposures, Timelines timelines, long asOf) {
        long lookback = rules.lookback();
        timelines.load(exposures.keySet(),
                exposures.values().stream().mapToLong(Evidence::from).min().orElse(asOf) - lookback, asOf);
        List<Onward> onwards = new ArrayList<>();
        for (Map.Entry<Long, Evidence> exposure : exposures.entrySet()) {
            long closeContact = exposure.getKey();
            long exposedAt = exposure.getValue().from();
            for (Stay own : timelines.stays(closeContact, exposedAt - lookback, asOf)) {
                if (timelines.rawEnd(own) <= exposedAt) {
                    continue;
                }
                long start = Math.max(own.in(), exposedAt);
                long end = Math.min(timelines.end(own), asOf);
                if (start < end) {
                    onwards.add(new Onward(closeContact, exposure.getValue(), own.venueId(), start, end));
                }
            }
        }
        return onwards;
    }

    /** s_q per close contact: the close-overlap evidence that starts earliest (ties: fixed evidence order). */
    static Map<Long, Evidence> firstCloseOverlaps(Map<Long, List<Evidence>> evidence) {
        Map<Long, Evidence> first = new TreeMap<>();
        evidence.forEach((person, items) -> items.stream().filter(item -> item.kind() == ContactLevel.CLOSE)
                .min(EVIDENCE_ORDER).ifPresent(item -> first.put(person, item)));
        return first;
    }

    private static void add(Map<Long, List<Evidence>> evidence, Stay stay, Evidence item) {
        evidence.computeIfAbsent(stay.personId(), id -> new ArrayList<>()).add(item);
    }

    /** The check-ins as they stood at {@code asOf}: none that started at or after it. */
    private record KnownAt(Presences presences, long asOf) implements Presences {

        @Override
        public List<Stay> atVenue(long venueId, long from, long to) {
            long end = Math.min(to, asOf);
            return from < end ? presences.atVenue(venueId, from, end) : List.of();
        }

        @Override
        public List<Stay> ofPerson(long personId, long from, long to) {
            long end = Math.min(to, asOf);
            return from < end ? presences.ofPerson(personId, from, end) : List.of();
        }

        @Override
        public List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long horizon) {
            long end = Math.min(to, asOf);
            return from < end ? known(presences.atVenueFollowed(venueId, from, end, horizon)) : List.of();
        }

        @Override
        public List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long allFrom, long longerThan,
                long horizon) {
            long end = Math.min(to, asOf);
            return from < end ? known(presences.atVenueFollowed(venueId, from, end, allFrom, longerThan, horizon))
                    : List.of();
        }

        @Override
        public List<FollowedStay> ofPersonsFollowed(Collection<Long> personIds, long from, long to, long horizon) {
            long end = Math.min(to, asOf);
            return from < end ? known(presences.ofPersonsFollowed(personIds, from, end, horizon)) : List.of();
        }

        /** A next check-in at or after asOf had not happened: then none had, before asOf or ever after. */
        private List<FollowedStay> known(List<FollowedStay> stays) {
            return stays.stream().map(stay -> stay.next() != null && stay.next() >= asOf
                    ? new FollowedStay(stay.stay(), null, Long.MAX_VALUE) : stay).toList();
        }
    }
}
