package org.jiaxing.project.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jiaxing.project.StageColour;

/**
 * 晨会: the morning meeting sheet of one working day, as saved.
 *
 * @param projects yesterday's progress and today's plan per project, red projects first
 * @param problems open problems due today or overdue (most overdue first)
 * @param absent   projects whose responsible official has not been on site
 */
public record MorningSheet(LocalDate day, LocalDate yesterday, Instant generatedAt, String generatedBy,
        List<Line> projects, List<Line> problems, List<Line> absent) {

    /**
     * One line. PROJECT: title = project name, detail = yesterday's reports, extra = today's plan. PROBLEM:
     * title = problem, detail = project name, extra = deadline. ABSENT: title = official, detail = project
     * name, extra = last on-site day (or null).
     */
    public record Line(String section, long projectId, StageColour colour, String title, String detail,
            String extra) {

        public LocalDate extraDate() {
            return extra == null ? null : LocalDate.parse(extra);
        }
    }
}
