package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jiaxing.checkin.InvalidCheckinFile;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The file-level limits of a register upload, with small limits so the test stays small. */
class RegisterFileTests {

    private final CheckinImportProperties limits = new CheckinImportProperties(3, DataSize.ofKilobytes(1));

    @Test
    void readsUpToTheRowLimitNotCountingTheHeader() {
        assertThat(RegisterFile.read(bytes("h\n1\n2\n3"), limits)).hasSize(4);
        assertThatThrownBy(() -> RegisterFile.read(bytes("h\n1\n2\n3\n4"), limits))
                .isInstanceOfSatisfying(InvalidCheckinFile.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("checkin.import.error.tooManyRows");
                    assertThat(e.messageArgs()).containsExactly(3);
                });
    }

    @Test
    void refusesFilesOverTheSizeLimit() {
        byte[] big = new byte[1024 + 1];
        Arrays.fill(big, (byte) 'a');

        assertThatThrownBy(() -> RegisterFile.read(big, limits)).isInstanceOfSatisfying(InvalidCheckinFile.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("checkin.import.error.tooLarge");
                    assertThat(e.messageArgs()).containsExactly(1L);
                });
    }

    @Test
    void refusesEmptyAndBinaryFiles() {
        assertThatThrownBy(() -> RegisterFile.read(new byte[0], limits)).hasMessage("checkin.import.error.empty");
        assertThatThrownBy(() -> RegisterFile.read(null, limits)).hasMessage("checkin.import.error.empty");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        assertThatThrownBy(() -> RegisterFile.read(png, limits)).hasMessage("checkin.import.error.notText");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
