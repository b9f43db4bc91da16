package org.jiaxing.project.domain;

import java.time.LocalDate;
import org.jiaxing.project.StageColour;

/**
 * One line of the progress table (项目推进表).
 *
 * @param stage    the current (first unfinished) stage; {@code null} when every stage is finished
 * @param daysLeft days to the current stage's deadline (negative = overdue); {@code null} when finished
 */
public record ProgressRow(Project project, String townName, StageTemplate stage, LocalDate deadline, Long daysLeft,
        int percent, StageColour colour, boolean officialAbsent, int openProblems) {

    public boolean overdue() {
        return daysLeft != null && daysLeft < 0;
    }
}
