package org.jiaxing.tracing.domain;

import java.time.Instant;

/** A case of an investigation: the person (found by phone or ID number) and the infectious window [from, to). */
public record InvestigationCase(long personId, Instant from, Instant to) {

    CaseWindow window() {
        return new CaseWindow(personId, from.getEpochSecond(), to.getEpochSecond());
    }
}
