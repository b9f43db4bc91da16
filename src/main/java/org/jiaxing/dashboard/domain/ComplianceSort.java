package org.jiaxing.dashboard.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.jiaxing.dashboard.domain.DashboardViews.ComplianceRow;

/** Columns the compliance list sorts by; ties are broken by venue code. */
public enum ComplianceSort {
    VENUE("venue", Comparator.comparing(ComplianceRow::code)),
    TOWN("town", Comparator.comparing(ComplianceRow::town)),
    CATEGORY("category", Comparator.comparing(ComplianceRow::category)),
    /** Fewest scans today first. */
    TODAY("today", Comparator.comparingLong(ComplianceRow::today)),
    /** Lowest scan rate first; venues without expected visitors last. */
    RATE("rate", Comparator.comparing(ComplianceRow::scanRate, Comparator.nullsLast(Comparator.naturalOrder()))),
    /** Largest drop (yesterday against the median) first. */
    DROP("drop", Comparator.comparingLong((ComplianceRow r) -> r.yesterday() - r.median())),
    /** Most findings first. */
    FINDINGS("findings", Comparator.comparingInt((ComplianceRow r) -> -r.findings().size()));

    private final String key;
    private final Comparator<ComplianceRow> order;

    ComplianceSort(String key, Comparator<ComplianceRow> order) {
        this.key = key;
        this.order = order;
    }

    public String key() {
        return key;
    }

    Comparator<ComplianceRow> comparator() {
        return order.thenComparing(ComplianceRow::code);
    }

    public static Optional<ComplianceSort> of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
