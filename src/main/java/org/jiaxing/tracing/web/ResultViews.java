package org.jiaxing.tracing.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jiaxing.person.Person;
import org.jiaxing.person.Persons;
import org.jiaxing.tracing.domain.CasePresence;
import org.jiaxing.tracing.domain.Contact;
import org.jiaxing.tracing.domain.Evidence;
import org.jiaxing.tracing.domain.InvestigationCase;
import org.jiaxing.tracing.domain.InvestigationRecord;
import org.jiaxing.tracing.domain.Investigations;
import org.jiaxing.tracing.domain.TraceResult;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.stereotype.Component;

/** Turns a stored result into {@link ResultView}: masked persons and named venues, looked up once each. */
@Component
class ResultViews {

    private final Investigations investigations;
    private final Persons persons;
    private final VenueDirectory venues;

    ResultViews(Investigations investigations, Persons persons, VenueDirectory venues) {
        this.investigations = investigations;
        this.persons = persons;
        this.venues = venues;
    }

    /** The whole result. */
    ResultView of(long id, Locale locale) {
        return of(id, locale, ContactSelection.everything());
    }

    /**
     * The result with the selected contacts only; counts, case timelines and risk venues are always whole. Only
     * the persons shown are looked up (decrypted and masked).
     */
    ResultView of(long id, Locale locale, ContactSelection selection) {
        InvestigationRecord investigation = investigations.find(id);
        List<InvestigationCase> cases = investigations.cases(id);
        TraceResult result = investigations.result(id);
        ResultView.ContactPage<Contact> shown = selection.select(result);
        Set<Long> personIds = new HashSet<>();
        cases.forEach(c -> personIds.add(c.personId()));
        result.casePresences().forEach(p -> personIds.add(p.casePersonId()));
        for (Contact contact : shown.items()) {
            personIds.add(contact.personId());
            contact.evidence().forEach(e -> {
                if (e.viaPersonId() != null) {
                    personIds.add(e.viaPersonId());
                }
            });
        }
        Map<Long, Person> people = persons.find(personIds);
        Map<Long, Optional<Venue>> venueCache = new HashMap<>();
        VenueNames names = venueId -> venueCache.computeIfAbsent(venueId, venues::findById);

        List<ResultView.CaseRow> caseRows = cases.stream().map(c -> {
            Person p = people.get(c.personId());
            return new ResultView.CaseRow(c.personId(), p == null ? "—" : p.maskedName(), p == null ? null : p.maskedPhone(),
                    p == null ? null : p.maskedIdNumber(), c.from(), c.to());
        }).toList();
        List<ResultView.PresenceRow> timeline = result.casePresences().stream().map(p -> {
            Optional<Venue> venue = names.venue(p.venueId());
            return new ResultView.PresenceRow(p.casePersonId(), masked(people, p.casePersonId()), p.venueId(),
                    venue.map(Venue::code).orElse(""), venue.map(Venue::name).orElse("#" + p.venueId()),
                    venue.map(Venue::address).orElse(""), venue.map(v -> v.category().name(locale)).orElse(""),
                    Instant.ofEpochSecond(p.start()), Instant.ofEpochSecond(p.end()));
        }).toList();
        List<ResultView.RiskVenue> risk = result.casePresences().stream().map((CasePresence p) -> {
            Optional<Venue> venue = names.venue(p.venueId());
            return new ResultView.RiskVenue(p.venueId(), venue.map(Venue::code).orElse(""),
                    venue.map(Venue::name).orElse("#" + p.venueId()), venue.map(Venue::address).orElse(""),
                    venue.map(v -> "en".equals(locale.getLanguage()) ? v.townNameEn() : v.townNameZh()).orElse(""),
                    Instant.ofEpochSecond(p.start()), Instant.ofEpochSecond(p.riskEnd()));
        }).distinct().toList();
        List<ResultView.ContactRow> contacts = shown.items().stream().map(contact -> {
            Person p = people.get(contact.personId());
            List<ResultView.EvidenceRow> evidence = contact.evidence().stream().map((Evidence e) ->
                    new ResultView.EvidenceRow(e.kind(), e.venueId(),
                            names.venue(e.venueId()).map(Venue::name).orElse("#" + e.venueId()),
                            Instant.ofEpochSecond(e.from()), Instant.ofEpochSecond(e.to()), e.casePersonId(),
                            masked(people, e.casePersonId()), e.viaPersonId(),
                            e.viaPersonId() == null ? null : masked(people, e.viaPersonId()))).toList();
            return new ResultView.ContactRow(contact.personId(), contact.level(), p == null ? "—" : p.maskedName(),
                    p == null ? null : p.maskedPhone(), evidence);
        }).toList();
        return new ResultView(investigation, result.counts(), caseRows, timeline, risk, contacts, shown.paging());
    }

    /** Venue name by id, for exports. */
    String venueName(long venueId) {
        return venues.findById(venueId).map(Venue::name).orElse("#" + venueId);
    }

    private static String masked(Map<Long, Person> people, long personId) {
        Person person = people.get(personId);
        return person == null ? "#" + personId : person.maskedName();
    }

    @FunctionalInterface
    private interface VenueNames {
        Optional<Venue> venue(long venueId);
    }

}
