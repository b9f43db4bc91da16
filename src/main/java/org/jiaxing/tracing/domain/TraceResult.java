package org.jiaxing.tracing.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules give for a set of cases at a reference time: the case presences (timelines; each is also
 * a risk window) and the contacts, each once. Lists are in a fixed order, so equal inputs give equal results.
 */
public record TraceResult(List<CasePresence> casePresences, List<Contact> contacts) {

    public TraceResult {
        casePresences = List.copyOf(casePresences);
        contacts = List.copyOf(contacts);
    }

    public Map<ContactLevel, Integer> counts() {
        Map<ContactLevel, Integer> counts = new EnumMap<>(ContactLevel.class);
        for (ContactLevel level : ContactLevel.values()) {
            counts.put(level, 0);
        }
        contacts.forEach(contact -> counts.merge(contact.level(), 1, Integer::sum));
        return counts;
    }
}
