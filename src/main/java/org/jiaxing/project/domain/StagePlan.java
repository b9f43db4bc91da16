package org.jiaxing.project.domain;

import java.time.LocalDate;
import org.jiaxing.project.StageColour;

/**
 * One key stage of one project: planned dates, actual completion and percent done.
 *
 * @param completedOn {@code null} while the stage is open
 * @param colour      the colour last stored (see {@link ColourKeeper}); the rules compute the current one
 */
public record StagePlan(long id, long projectId, String stageCode, int sortOrder, LocalDate plannedStart,
        LocalDate deadline, LocalDate completedOn, int percent, StageColour colour) {

    public boolean isOpen() {
        return completedOn == null;
    }

    /** Days from {@code today} to the deadline: positive = days left, negative = days overdue. */
    public long daysLeft(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, deadline);
    }
}
