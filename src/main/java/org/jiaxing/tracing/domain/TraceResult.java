package org.jiaxing.tracing.domain;

import java.util.List;
import java.util.Map;

/**
 * What the rules give for a set of cases at a reference time: the case presences (timelines; each is also
 * a risk window) and the contacts, each once. Lists are in a fixed order, so equal inputs give equal results.
 * The contacts are kept in columns ({@link ContactColumns}): their objects are made when read.
 */
public record TraceResult(List<CasePresence> casePresences, List<Contact> contacts) {

    public TraceResult {
        casePresences = List.copyOf(casePresences);
        contacts = ContactColumns.of(contacts); // unmodifiable; a copy unless the engine made it so
    }

    /** The contacts of one level, in the result's order (a view: objects are made only for what is read). */
    public List<Contact> contacts(ContactLevel level) {
        return ContactColumns.of(contacts).ofLevel(level);
    }

    /** Pieces of evidence over all contacts, counted without making them. */
    public long evidenceCount() {
        return ContactColumns.of(contacts).evidenceCount();
    }

    public Map<ContactLevel, Integer> counts() {
        return ContactColumns.of(contacts).counts();
    }
}
