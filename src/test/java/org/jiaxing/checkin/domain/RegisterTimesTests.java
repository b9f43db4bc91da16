package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Register times: ISO-8601 with an offset, nothing guessed. */
class RegisterTimesTests {

    private static final Instant TEN_O_TWO_IN_PINGHU = Instant.parse("2026-11-20T02:02:00Z");

    @Test
    void readsOffsetsZuluFractionsAndASpaceForTheT() {
        assertThat(RegisterTimes.read("2026-11-20T10:02:00+08:00").at()).isEqualTo(TEN_O_TWO_IN_PINGHU);
        assertThat(RegisterTimes.read("2026-11-20T02:02:00Z").at()).isEqualTo(TEN_O_TWO_IN_PINGHU);
        assertThat(RegisterTimes.read(" 2026-11-20 10:02+08:00 ").at()).isEqualTo(TEN_O_TWO_IN_PINGHU);
        assertThat(RegisterTimes.read("2026-11-20T10:02:00.5+08:00").at()).isEqualTo(TEN_O_TWO_IN_PINGHU.plusMillis(500));
    }

    @Test
    void aTimeWithoutOffsetIsNamedAsSuch() {
        assertThat(RegisterTimes.read("2026-11-20T10:02:00").problemKey()).isEqualTo("checkin.import.error.timeNoOffset");
        assertThat(RegisterTimes.read("2026-11-20 10:02").problemKey()).isEqualTo("checkin.import.error.timeNoOffset");
    }

    @Test
    void anythingElseIsAFormatError() {
        for (String bad : new String[] {"2026-02-30T10:00:00+08:00", "2026/11/20 10:02", "10:02", "2026-11-20",
            "2026-11-20T25:00:00+08:00", "yesterday", "2026-11-20T10:02:00+8"}) {
            RegisterTimes.Read read = RegisterTimes.read(bad);
            assertThat(read.ok()).as(bad).isFalse();
            assertThat(read.problemKey()).as(bad).isEqualTo("checkin.import.error.timeFormat");
        }
    }
}
