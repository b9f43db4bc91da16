package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.jiaxing.project.StageColour;

/**
 * 三色赋码, the rules. For an open stage, the share of planned time elapsed on {@code today} is
 * {@code (today - plannedStart) / (deadline - plannedStart)} (0 before the start, 100 % on the deadline);
 * the stage is
 * <ul>
 *   <li>RED when today is after the deadline, or when percent done is at least {@code behindMargin} points
 *       below the elapsed share;</li>
 *   <li>BLUE when percent done is at least {@code aheadMargin} points above the elapsed share;</li>
 *   <li>GREEN otherwise.</li>
 * </ul>
 * A finished stage is BLUE when it finished before its deadline, GREEN on the deadline, RED after it. A
 * project's colour is the worst of its open stages: unfinished stages that have started by plan (or show
 * progress). A stage not yet due to start expects nothing and does not count; a project with no open stage
 * (not started, or all finished) is GREEN.
 */
public final class ColourRules {

    private final int aheadMargin;
    private final int behindMargin;

    public ColourRules(int aheadMargin, int behindMargin) {
        this.aheadMargin = aheadMargin;
        this.behindMargin = behindMargin;
    }

    public static ColourRules of(ProjectProperties properties) {
        return new ColourRules(properties.aheadMargin(), properties.behindMargin());
    }

    public int aheadMargin() {
        return aheadMargin;
    }

    public int behindMargin() {
        return behindMargin;
    }

    public StageColour stage(StagePlan stage, LocalDate today) {
        if (!stage.isOpen()) {
            int byDeadline = stage.completedOn().compareTo(stage.deadline());
            return byDeadline < 0 ? StageColour.BLUE : byDeadline == 0 ? StageColour.GREEN : StageColour.RED;
        }
        if (today.isAfter(stage.deadline())) {
            return StageColour.RED;
        }
        double gap = stage.percent() - elapsedPercent(stage, today);
        if (gap <= -behindMargin) {
            return StageColour.RED;
        }
        if (gap >= aheadMargin) {
            return StageColour.BLUE;
        }
        return StageColour.GREEN;
    }

    /** Worst colour of the open stages (see the class comment); GREEN when there is none. */
    public StageColour project(Collection<StagePlan> stages, LocalDate today) {
        StageColour worst = null;
        for (StagePlan stage : stages) {
            if (isUnderWay(stage, today)) {
                StageColour colour = stage(stage, today);
                worst = worst == null ? colour : worst.worst(colour);
            }
        }
        return worst == null ? StageColour.GREEN : worst;
    }

    /** Unfinished and started by plan (or already showing progress). */
    public static boolean isUnderWay(StagePlan stage, LocalDate today) {
        return stage.isOpen() && (!stage.plannedStart().isAfter(today) || stage.percent() > 0);
    }

    /** Share of the stage's planned time elapsed on {@code today}, 0 to 100. */
    public static double elapsedPercent(StagePlan stage, LocalDate today) {
        if (!today.isAfter(stage.plannedStart())) {
            return 0;
        }
        long total = ChronoUnit.DAYS.between(stage.plannedStart(), stage.deadline());
        if (total <= 0) {
            return 100;
        }
        long elapsed = ChronoUnit.DAYS.between(stage.plannedStart(), today);
        return Math.min(100.0, 100.0 * elapsed / total);
    }
}
