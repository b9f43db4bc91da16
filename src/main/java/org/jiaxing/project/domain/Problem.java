package org.jiaxing.project.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jiaxing.project.ProblemCategory;
import org.jiaxing.project.ProblemStatus;

/** A problem raised on a project (问题), with its assignment (交办) if any. */
public record Problem(long id, long projectId, String title, String description, ProblemCategory category,
        boolean needsCoordination, ProblemStatus status, long raisedById, String raisedByName, Instant raisedAt,
        LocalDate deadline, String instruction, String oralBy, boolean escalated, Set<String> departments,
        Long sourceMessageId) {

    /** Past its deadline and not closed: flagged every day until it is. */
    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && deadline != null && deadline.isBefore(today);
    }

    public boolean isDueOn(LocalDate day) {
        return status.isOpen() && day.equals(deadline);
    }

    public long daysOverdue(LocalDate today) {
        return deadline == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(deadline, today);
    }
}
