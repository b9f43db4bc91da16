package org.jiaxing.tracing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiaxing.tracing.InvalidInvestigation;
import org.jiaxing.tracing.InvalidInvestigation.Problem;
import org.jiaxing.tracing.domain.Contact;
import org.jiaxing.tracing.domain.ContactLevel;
import org.jiaxing.tracing.domain.TraceResult;

/**
 * Which contacts a result view lists: one level or all, and one page of them or all. A city-wide second degree
 * has ~100,000 contacts; the page shows them 200 at a time (each shown contact is a decryption and a table row),
 * the API all of them unless asked for a page.
 *
 * @param level {@code null} for every level
 * @param size  contacts per page; {@link #ALL} for one page with everything
 */
record ContactSelection(ContactLevel level, int page, int size) {

    static final int ALL = 0;
    static final int PAGE_SIZE = 200;
    static final int MAX_PAGE_SIZE = 1000;

    static ContactSelection everything() {
        return new ContactSelection(null, 0, ALL);
    }

    /**
     * From request parameters; {@code size} null means {@code defaultSize}. Every problem is reported at once.
     */
    static ContactSelection of(String level, Integer page, Integer size, int defaultSize) {
        List<Problem> problems = new ArrayList<>();
        ContactLevel parsedLevel = null;
        if (level != null && !level.isBlank()) {
            try {
                parsedLevel = ContactLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("level", 0, "tracing.error.level"));
            }
        }
        int pageNumber = page == null ? 0 : page;
        if (pageNumber < 0) {
            problems.add(Problem.of("page", 0, "tracing.error.page"));
        }
        int pageSize = size == null ? defaultSize : size;
        if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
            problems.add(Problem.of("size", 0, "tracing.error.size", MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw InvalidInvestigation.of(problems);
        }
        return new ContactSelection(parsedLevel, pageNumber, pageSize);
    }

    /** The selected contacts, in the result's order, and how many match in all. */
    ResultView.ContactPage<Contact> select(TraceResult result) {
        List<Contact> matching = level == null ? result.contacts() : result.contacts(level);
        if (size == ALL) {
            return new ResultView.ContactPage<>(matching, level, 0, matching.size(), matching.size());
        }
        long first = (long) page * size;
        List<Contact> shown = first >= matching.size() ? List.of()
                : matching.subList((int) first, (int) Math.min(matching.size(), first + size));
        return new ResultView.ContactPage<>(shown, level, page, size, matching.size());
    }
}
