package org.jiaxing.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.jiaxing.person.IdNumbers.Verdict;
import org.junit.jupiter.api.Test;

class IdNumbersTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void acceptsKnownValidNumbersIncludingALowerCaseX() {
        assertThat(IdNumbers.check("11010519491231002X", TODAY)).isEqualTo(Verdict.VALID);
        assertThat(IdNumbers.check("11010519491231002x", TODAY)).isEqualTo(Verdict.VALID);
        assertThat(IdNumbers.normalize("11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.birthDate("11010519491231002x")).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void theStandardsOwnExampleHasARightCheckCharacterButA19thCenturyBirthDate() {
        // GB 11643-1999's sample, born 1880: correct checksum, but nobody alive was born before 1900
        assertThat(IdNumbers.checkCharacter("44052418800101001")).isEqualTo('4');
        assertThat(IdNumbers.check("440524188001010014", TODAY)).isEqualTo(Verdict.BIRTH_DATE);
    }

    @Test
    void everyWrongCheckCharacterIsRefused() {
        String first17 = "33048219900101123";
        char right = IdNumbers.checkCharacter(first17);
        for (char wrong : "0123456789X".toCharArray()) {
            Verdict expected = wrong == right ? Verdict.VALID : Verdict.CHECKSUM;
            assertThat(IdNumbers.check(first17 + wrong, TODAY)).as("check character %s", wrong).isEqualTo(expected);
        }
    }

    @Test
    void aSwappedPairOfDigitsIsCaught() {
        String valid = TestPersons.idNumber(TestPersons.PINGHU, LocalDate.of(1990, 1, 1), 123);
        String swapped = valid.substring(0, 14) + valid.charAt(15) + valid.charAt(14) + valid.substring(16);

        assertThat(IdNumbers.check(valid, TODAY)).isEqualTo(Verdict.VALID);
        assertThat(IdNumbers.check(swapped, TODAY)).isEqualTo(Verdict.CHECKSUM);
    }

    @Test
    void shapeLengthAndCharacters() {
        assertThat(IdNumbers.check(null, TODAY)).isEqualTo(Verdict.MISSING);
        assertThat(IdNumbers.check("   ", TODAY)).isEqualTo(Verdict.MISSING);
        assertThat(IdNumbers.check("1101051949123100", TODAY)).isEqualTo(Verdict.FORMAT); // 16
        assertThat(IdNumbers.check("1101051949123100211", TODAY)).isEqualTo(Verdict.FORMAT); // 19
        assertThat(IdNumbers.check("110105194912310021", TODAY)).isNotEqualTo(Verdict.FORMAT);
        assertThat(IdNumbers.check("X1010519491231002X", TODAY)).isEqualTo(Verdict.FORMAT);
        assertThat(IdNumbers.check("11010519491231002Y", TODAY)).isEqualTo(Verdict.FORMAT);
        assertThat(IdNumbers.check("110105194912310-2X", TODAY)).isEqualTo(Verdict.FORMAT);
        assertThat(IdNumbers.check("110105 19491231 002X", TODAY)).isEqualTo(Verdict.VALID);
        assertThat(IdNumbers.check("１１０１０５１９４９１２３１００２Ｘ", TODAY)).as("full-width input").isEqualTo(Verdict.VALID);
    }

    @Test
    void regionCodesStartWithOneToEight() {
        assertThat(IdNumbers.check(TestPersons.idNumber("030482", LocalDate.of(1990, 1, 1), 1), TODAY))
                .isEqualTo(Verdict.REGION);
        assertThat(IdNumbers.check(TestPersons.idNumber("930482", LocalDate.of(1990, 1, 1), 1), TODAY))
                .isEqualTo(Verdict.REGION);
        assertThat(IdNumbers.check(TestPersons.idNumber("110105", LocalDate.of(1990, 1, 1), 1), TODAY))
                .isEqualTo(Verdict.VALID);
        assertThat(IdNumbers.check(TestPersons.idNumber("820000", LocalDate.of(1990, 1, 1), 1), TODAY))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void birthDatesAreRealDaysFrom1900UpToToday() {
        assertThat(verdictFor("19000101")).isEqualTo(Verdict.VALID);
        assertThat(verdictFor("18991231")).isEqualTo(Verdict.BIRTH_DATE);
        assertThat(verdictFor("20000229")).as("leap day").isEqualTo(Verdict.VALID);
        assertThat(verdictFor("19000229")).as("1900 was no leap year").isEqualTo(Verdict.BIRTH_DATE);
        assertThat(verdictFor("19900230")).isEqualTo(Verdict.BIRTH_DATE);
        assertThat(verdictFor("19901301")).isEqualTo(Verdict.BIRTH_DATE);
        assertThat(verdictFor("19900100")).isEqualTo(Verdict.BIRTH_DATE);
        assertThat(verdictFor("20260301")).as("born today").isEqualTo(Verdict.VALID);
        assertThat(verdictFor("20260302")).as("born tomorrow").isEqualTo(Verdict.BIRTH_DATE);
    }

    @Test
    void theCheckCharacterNeedsSeventeenDigits() {
        assertThatThrownBy(() -> IdNumbers.checkCharacter("1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumbers.checkCharacter("3304821990010112A")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Verdict verdictFor(String birthDate) {
        String first17 = TestPersons.PINGHU + birthDate + "123";
        return IdNumbers.check(first17 + IdNumbers.checkCharacter(first17), TODAY);
    }
}
