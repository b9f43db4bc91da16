package org.jiaxing.tracing.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jiaxing.tracing.domain.ContactLevel;
import org.jiaxing.tracing.domain.InvestigationRecord;

/**
 * An investigation's result as pages and the API show it: identities masked, venues named, instants
 * (JSON: ISO-8601 UTC).
 */
record ResultView(InvestigationRecord investigation, Map<ContactLevel, Integer> counts, List<CaseRow> cases,
        List<PresenceRow> timeline, List<RiskVenue> riskVenues, List<ContactRow> contacts, Paging contactPage) {

    /** Which contacts {@code contacts} holds: the level asked for (null: all), the page, and how many match. */
    record Paging(ContactLevel level, int page, int size, long total) {

        public int totalPages() {
            return size == 0 ? 1 : (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < totalPages();
        }
    }

    /** One page of contacts before they are turned into rows. */
    record ContactPage<T>(List<T> items, ContactLevel level, int page, int size, long total) {

        Paging paging() {
            return new Paging(level, page, size, total);
        }
    }

    record CaseRow(long personId, String maskedName, String maskedPhone, String maskedIdNumber, Instant from,
            Instant to) {
    }

    /** Where and when a case was (P = I(c) ∩ W). */
    record PresenceRow(long casePersonId, String caseMaskedName, long venueId, String venueCode, String venueName,
            String address, String category, Instant start, Instant end) {
    }

    /** For the public notice: the venue, its address and the risk window [from, to). */
    record RiskVenue(long venueId, String venueCode, String venueName, String address, String town, Instant from,
            Instant to) {
    }

    record ContactRow(long personId, ContactLevel level, String maskedName, String maskedPhone,
            List<EvidenceRow> evidence) {
    }

    record EvidenceRow(ContactLevel kind, long venueId, String venueName, Instant from, Instant to,
            long casePersonId, String caseMaskedName, Long viaPersonId, String viaMaskedName) {
    }
}
