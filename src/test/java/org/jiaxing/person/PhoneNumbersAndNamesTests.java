package org.jiaxing.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaxing.person.PersonNames.Verdict;
import org.junit.jupiter.api.Test;

class PhoneNumbersAndNamesTests {

    @Test
    void mobileNumbersAreElevenDigitsStartingWith13To19() {
        assertThat(PhoneNumbers.isValid("13812341234")).isTrue();
        assertThat(PhoneNumbers.isValid("19912341234")).isTrue();
        assertThat(PhoneNumbers.isValid("12812341234")).isFalse();
        assertThat(PhoneNumbers.isValid("23812341234")).isFalse();
        assertThat(PhoneNumbers.isValid("1381234123")).isFalse();
        assertThat(PhoneNumbers.isValid("138123412345")).isFalse();
        assertThat(PhoneNumbers.isValid("1381234123a")).isFalse();
        assertThat(PhoneNumbers.isValid("0573-85123456")).as("landline").isFalse();
        assertThat(PhoneNumbers.isValid(null)).isFalse();
    }

    @Test
    void separatorsAndTheCountryCodeAreRemoved() {
        assertThat(PhoneNumbers.normalize(" 138 1234 1234 ")).isEqualTo("13812341234");
        assertThat(PhoneNumbers.normalize("138-1234-1234")).isEqualTo("13812341234");
        assertThat(PhoneNumbers.normalize("+86 138 1234 1234")).isEqualTo("13812341234");
        assertThat(PhoneNumbers.normalize("0086-13812341234")).isEqualTo("13812341234");
        assertThat(PhoneNumbers.normalize("１３８１２３４１２３４")).isEqualTo("13812341234");
        assertThat(PhoneNumbers.isValid("+8613812341234")).isTrue();
        assertThat(PhoneNumbers.isValid("+85213812341234")).isFalse();
        assertThat(PhoneNumbers.isBlank(" - ")).isTrue();
        assertThat(PhoneNumbers.isBlank(null)).isTrue();
    }

    @Test
    void namesOfOneToThirtyCharacters() {
        assertThat(PersonNames.check("张")).isEqualTo(Verdict.VALID);
        assertThat(PersonNames.check("  张三  ")).isEqualTo(Verdict.VALID);
        assertThat(PersonNames.normalize("  张三  ")).isEqualTo("张三");
        assertThat(PersonNames.check("")).isEqualTo(Verdict.MISSING);
        assertThat(PersonNames.check(" \t ")).isEqualTo(Verdict.MISSING);
        assertThat(PersonNames.check(null)).isEqualTo(Verdict.MISSING);
        assertThat(PersonNames.check("张".repeat(30))).isEqualTo(Verdict.VALID);
        assertThat(PersonNames.check("张".repeat(31))).isEqualTo(Verdict.TOO_LONG);
        assertThat(PersonNames.check("𠮷".repeat(30))).as("characters outside the BMP count once").isEqualTo(Verdict.VALID);
    }

    @Test
    void minorityAndForeignNames() {
        assertThat(PersonNames.check("阿卜杜·热合曼")).isEqualTo(Verdict.VALID);
        assertThat(PersonNames.normalize("阿卜杜•热合曼")).as("bullet typed for the middle dot").isEqualTo("阿卜杜·热合曼");
        assertThat(PersonNames.normalize("阿卜杜・热合曼")).isEqualTo("阿卜杜·热合曼");
        assertThat(PersonNames.check("John Smith")).isEqualTo(Verdict.VALID);
        assertThat(PersonNames.normalize("John   Smith")).isEqualTo("John Smith");
        assertThat(PersonNames.check("Jean-Luc O'Neil")).isEqualTo(Verdict.VALID);
        assertThat(PersonNames.check("José Müller")).isEqualTo(Verdict.VALID);
    }

    @Test
    void noDigitsSymbolsOrControlCharacters() {
        assertThat(PersonNames.check("张三1")).isEqualTo(Verdict.CHARACTERS);
        assertThat(PersonNames.check("张三<script>")).isEqualTo(Verdict.CHARACTERS);
        assertThat(PersonNames.check("张\u0000三")).isEqualTo(Verdict.CHARACTERS);
        assertThat(PersonNames.check("张\u200B三")).as("zero-width space").isEqualTo(Verdict.CHARACTERS);
        assertThat(PersonNames.check("张三😀")).isEqualTo(Verdict.CHARACTERS);
        assertThat(PersonNames.check("·")).as("no letter at all").isEqualTo(Verdict.CHARACTERS);
    }
}
