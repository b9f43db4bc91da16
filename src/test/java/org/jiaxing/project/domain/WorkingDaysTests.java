package org.jiaxing.project.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Working days are Monday to Friday; absence counts whole working days since the last on-site day. */
class WorkingDaysTests {

    static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);

    @Test
    void weekendsAreSkipped() {
        assertThat(ProjectTime.previousWorkingDay(MONDAY)).isEqualTo(FRIDAY);
        assertThat(ProjectTime.workingDaysBetween(FRIDAY, MONDAY)).isEqualTo(1);
        assertThat(ProjectTime.workingDaysBetween(FRIDAY, FRIDAY.plusDays(2))).isZero();
    }
}
