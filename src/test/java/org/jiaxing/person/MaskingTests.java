package org.jiaxing.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void namesKeepTheFirstAndLastCharacter() {
        assertThat(Masking.name("张")).isEqualTo("*");
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("张三丰")).isEqualTo("张*丰");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(Masking.name("阿卜杜·热合曼")).isEqualTo("阿*****曼");
        assertThat(Masking.name("John Smith")).isEqualTo("J********h");
        assertThat(Masking.name("𠮷田")).as("a character outside the BMP is one character").isEqualTo("𠮷*");
        assertThat(Masking.name("")).isEmpty();
        assertThat(Masking.name(null)).isNull();
    }

    @Test
    void phonesKeepThePrefixAndTheLastFourDigits() {
        assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(Masking.phone("1381234")).isEqualTo("*******");
        assertThat(Masking.phone("13812345")).isEqualTo("138*2345");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void idNumbersKeepTheRegionAndTheLastFourCharacters() {
        assertThat(Masking.idNumber("330482199001011234")).isEqualTo("330482********1234");
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(Masking.idNumber("1234567890")).isEqualTo("**********");
        assertThat(Masking.idNumber("12345678901")).isEqualTo("123456*8901");
        assertThat(Masking.idNumber(null)).isNull();
    }

    @Test
    void detailsNeverPrintTheirClearValues() {
        PersonDetails details = PersonDetails.of("欧阳娜娜", "13812341234", "330482199001011234");

        assertThat(details.toString()).isEqualTo(
                "PersonDetails[name=欧**娜, phone=138****1234, idNumber=330482********1234]")
                .doesNotContain("阳娜", "13812341234", "19900101");
        assertThat(PersonDetails.byIdNumber("330482199001011234").toString()).contains("name=null", "phone=null");
    }
}
