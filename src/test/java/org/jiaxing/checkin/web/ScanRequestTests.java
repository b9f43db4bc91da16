package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The checks a scan body goes through, the same for the echo and the check-in endpoints. */
class ScanRequestTests {

    private static final String TOKEN = "AQEAAAAAAAAAAQAAAAFOC2OqM0mRnMh1lE2z7yQ";
    private static final String ID = ScanRequests.idNumber("33048219850314202");

    @Test
    void idNumbersNeedEighteenCharactersAndTheRightCheckCharacter() {
        assertThat(ScanRequest.isIdNumber(ID)).isTrue();
        assertThat(ScanRequest.isIdNumber("11010519491231002X")).as("a published example").isTrue();
        assertThat(ScanRequest.isIdNumber("11010519491231002x")).as("lower-case x").isTrue();
        assertThat(ScanRequest.isIdNumber("110105194912310021")).as("wrong check character").isFalse();
        assertThat(ScanRequest.isIdNumber(ID.substring(0, 17))).isFalse();
        assertThat(ScanRequest.isIdNumber("1101051949123100 X")).isFalse();
        assertThat(ScanRequest.isIdNumber(null)).isFalse();
    }

    @Test
    void phonesAreMainlandMobileNumbers() {
        assertThat(ScanRequest.isMobile("13805731234")).isTrue();
        assertThat(ScanRequest.isMobile("12805731234")).isFalse();
        assertThat(ScanRequest.isMobile("1380573123")).isFalse();
        assertThat(ScanRequest.isMobile("1380573123a")).isFalse();
    }

    @Test
    void tokensAreBase64UrlOfBoundedLength() {
        assertThat(ScanRequest.isToken(TOKEN)).isTrue();
        assertThat(ScanRequest.isToken(TOKEN + "/")).isFalse();
        assertThat(ScanRequest.isToken("a".repeat(ScanRequest.MAX_TOKEN_LENGTH + 1))).isFalse();
        assertThat(ScanRequest.isToken("")).isFalse();
    }

    @Test
    void namesAreShortAndPrintable() {
        assertThat(ScanRequest.isName("欧阳娜娜")).isTrue();
        assertThat(ScanRequest.isName(" ")).isFalse();
        assertThat(ScanRequest.isName("张\n三")).isFalse();
        assertThat(ScanRequest.isName("名".repeat(33))).isFalse();
    }

    @Test
    void theFirstBadFieldIsNamedAndNamesAreMasked() {
        ScanRequest valid = new ScanRequest(TOKEN, ID, "13805731234", "张三丰", 1L, 2L);
        assertThat(valid.validated().maskedName()).isEqualTo("张*丰");
        assertThat(new ScanRequest(TOKEN, ID, "13805731234", "张三", 1L, 2L).maskedName()).isEqualTo("张*");

        assertThatThrownBy(() -> new ScanRequest(TOKEN, "123", "1", "", 1L, 2L).validated())
                .hasMessage("checkin.error.field.idNumber");
        assertThatThrownBy(() -> new ScanRequest(TOKEN, ID, "13805731234", "张三", null, 2L).validated())
                .hasMessage("checkin.error.field.personId");
    }
}
