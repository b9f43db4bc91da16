package org.jiaxing.tracing.domain;

/** A case of an investigation with their infectious window W = [from, to), epoch seconds. */
public record CaseWindow(long personId, long from, long to) {

    public CaseWindow {
        if (to <= from) {
            throw new IllegalArgumentException("an infectious window ends after it starts");
        }
    }
}
