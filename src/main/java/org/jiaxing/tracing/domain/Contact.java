package org.jiaxing.tracing.domain;

import java.util.List;

/** One person, at the highest level any evidence gives, with all the evidence (strongest first). */
public record Contact(long personId, ContactLevel level, List<Evidence> evidence) {

    public Contact {
        evidence = List.copyOf(evidence);
    }
}
