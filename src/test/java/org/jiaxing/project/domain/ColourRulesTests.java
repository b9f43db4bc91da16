package org.jiaxing.project.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jiaxing.project.StageColour;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** 三色赋码 at its boundaries: margins of 15 points, a 100-day stage (1 day = 1 point of elapsed time). */
class ColourRulesTests {

    static final LocalDate START = LocalDate.of(2026, 3, 1);
    static final LocalDate DEADLINE = START.plusDays(100);
    final ColourRules rules = new ColourRules(15, 15);

    static StagePlan open(int percent) {
        return new StagePlan(1, 1, "GROUNDBREAKING", 6, START, DEADLINE, null, percent, StageColour.GREEN);
    }

    static StagePlan finished(LocalDate on) {
        return new StagePlan(1, 1, "GROUNDBREAKING", 6, START, DEADLINE, on, 100, StageColour.GREEN);
    }

    static LocalDate day(int elapsed) {
        return START.plusDays(elapsed);
    }

    @Nested
    class OpenStage {

        @Test
        void exactlyOnScheduleIsGreen() {
            assertThat(rules.stage(open(50), day(50))).isEqualTo(StageColour.GREEN);
        }

        @Test
        void fifteenPointsBehindIsRedFourteenIsGreen() {
            assertThat(rules.stage(open(35), day(50))).isEqualTo(StageColour.RED);
            assertThat(rules.stage(open(36), day(50))).isEqualTo(StageColour.GREEN);
        }

        @Test
        void fifteenPointsAheadIsBlueFourteenIsGreen() {
            assertThat(rules.stage(open(65), day(50))).isEqualTo(StageColour.BLUE);
            assertThat(rules.stage(open(64), day(50))).isEqualTo(StageColour.GREEN);
        }

        @Test
        void onTheDeadlineItIsNotYetRedTheDayAfterItIs() {
            assertThat(rules.stage(open(90), DEADLINE)).isEqualTo(StageColour.GREEN);
            assertThat(rules.stage(open(99), DEADLINE.plusDays(1))).isEqualTo(StageColour.RED);
        }

        @Test
        void behindOnTheDeadlineDayIsRed() {
            assertThat(rules.stage(open(85), DEADLINE)).isEqualTo(StageColour.RED);
            assertThat(rules.stage(open(86), DEADLINE)).isEqualTo(StageColour.GREEN);
        }

        @Test
        void beforeItsStartNothingIsExpected() {
            assertThat(rules.stage(open(0), START.minusDays(10))).isEqualTo(StageColour.GREEN);
            assertThat(rules.stage(open(0), START)).isEqualTo(StageColour.GREEN);
            assertThat(rules.stage(open(15), START)).isEqualTo(StageColour.BLUE);
        }

        @Test
        void aOneDayStageExpectsEverythingOnItsOnlyDay() {
            StagePlan sameDay = new StagePlan(1, 1, "SIGNING", 1, START, START, null, 0, StageColour.GREEN);
            assertThat(rules.stage(sameDay, START)).isEqualTo(StageColour.GREEN);
            assertThat(rules.stage(sameDay, START.plusDays(1))).isEqualTo(StageColour.RED);
        }

        @Test
        void marginsAreConfigurable() {
            ColourRules strict = new ColourRules(5, 5);
            assertThat(strict.stage(open(45), day(50))).isEqualTo(StageColour.RED);
            assertThat(strict.stage(open(55), day(50))).isEqualTo(StageColour.BLUE);
            assertThat(rules.stage(open(45), day(50))).isEqualTo(StageColour.GREEN);
        }
    }

    @Nested
    class FinishedStage {

        @Test
        void beforeTheDeadlineBlueOnItGreenAfterItRed() {
            assertThat(rules.stage(finished(DEADLINE.minusDays(1)), DEADLINE.plusDays(30))).isEqualTo(StageColour.BLUE);
            assertThat(rules.stage(finished(DEADLINE), DEADLINE.plusDays(30))).isEqualTo(StageColour.GREEN);
            assertThat(rules.stage(finished(DEADLINE.plusDays(1)), DEADLINE.plusDays(30))).isEqualTo(StageColour.RED);
        }
    }

    @Nested
    class Project {

        @Test
        void theWorstOpenStageWinsAndFinishedStagesDoNotCount() {
            StagePlan lateButDone = finished(DEADLINE.plusDays(5));
            StagePlan ahead = open(80);
            StagePlan onTrack = new StagePlan(2, 1, "STRUCTURE_DONE", 7, DEADLINE, DEADLINE.plusDays(100), null, 0,
                    StageColour.GREEN);
            LocalDate today = day(50);

            StagePlan behind = open(20);

            assertThat(rules.project(List.of(lateButDone, ahead), today)).isEqualTo(StageColour.BLUE);
            assertThat(rules.project(List.of(lateButDone, ahead, behind), today)).isEqualTo(StageColour.RED);
            assertThat(rules.project(List.of(ahead, onTrack), DEADLINE.plusDays(1))).isEqualTo(StageColour.RED);
        }

        @Test
        void aStageNotYetDueToStartDoesNotCountUnlessItShowsProgress() {
            StagePlan ahead = open(80);
            StagePlan next = new StagePlan(2, 1, "STRUCTURE_DONE", 7, DEADLINE, DEADLINE.plusDays(100), null, 0,
                    StageColour.GREEN);
            StagePlan nextStarted = new StagePlan(2, 1, "STRUCTURE_DONE", 7, DEADLINE, DEADLINE.plusDays(100), null, 5,
                    StageColour.GREEN);
            LocalDate today = day(50);

            assertThat(rules.project(List.of(ahead, next), today)).isEqualTo(StageColour.BLUE);
            // started early with a little progress: it counts, and 5 points ahead of nothing is on track
            assertThat(rules.project(List.of(ahead, nextStarted), today)).isEqualTo(StageColour.GREEN);
            assertThat(rules.project(List.of(next), today)).isEqualTo(StageColour.GREEN);
            // from its planned start day it counts: nothing expected yet, then half way with nothing done is red
            assertThat(rules.project(List.of(next), DEADLINE)).isEqualTo(StageColour.GREEN);
            assertThat(rules.project(List.of(next), DEADLINE.plusDays(50))).isEqualTo(StageColour.RED);
        }

        @Test
        void aProjectWithEveryStageDoneIsGreen() {
            assertThat(rules.project(List.of(finished(DEADLINE.minusDays(3))), DEADLINE)).isEqualTo(StageColour.GREEN);
            assertThat(rules.project(List.of(), DEADLINE)).isEqualTo(StageColour.GREEN);
        }
    }
}
