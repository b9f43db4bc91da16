package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.KeyPair;
import org.jiaxing.code.domain.Ed25519;
import org.jiaxing.code.domain.SigningKeys;
import org.jiaxing.code.domain.TokenCodec;
import org.jiaxing.code.domain.VenueToken;
import org.jiaxing.venue.VenueStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The page a visitor's phone opens, without login: every outcome has its status and its words. */
@SpringBootTest
@AutoConfigureMockMvc
class ScanPageTests {

    @Autowired MockMvcTester mvc;
    @Autowired VenueCodes codes;
    @Autowired SigningKeys keys;
    @Autowired JdbcClient jdbc;
    TestVenues venues;

    @BeforeEach
    void setUp() {
        venues = new TestVenues(jdbc);
    }

    @Test
    void aValidCodeOpensTheCheckInWithoutLogin() {
        long venue = venues.hospitalInDanghu();

        assertThat(mvc.get().uri(path(codes.current(venue).token())))
                .hasStatusOk()
                .hasHeader("Cache-Control", "no-store")
                .bodyText().contains("平湖市第一人民医院", "首次登记", "身份证号码");
    }

    @Test
    void showsEnglishWhenAsked() {
        long venue = venues.hospitalInDanghu();

        assertThat(mvc.get().uri(path(codes.current(venue).token()) + "?lang=en"))
                .hasStatusOk().bodyText().contains("First check-in", "ID number");
    }

    @Test
    void aTamperedTokenIsAnInvalidCode() {
        long venue = venues.hospitalInDanghu();
        String token = codes.current(venue).token();
        String tampered = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);

        assertThat(mvc.get().uri(path(tampered))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText().contains("此码无效").doesNotContain("平湖市第一人民医院", "Exception", "at org.");
    }

    @Test
    void aForgedTokenOrAnUnknownKeyIsAnInvalidCode() {
        long venue = venues.hospitalInDanghu();
        KeyPair forger = Ed25519.generate();

        assertThat(mvc.get().uri(path(forge(forger, new VenueToken(keys.signer().kid(), venue, 1)))))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("此码无效");
        assertThat(mvc.get().uri(path(forge(forger, new VenueToken(4_242, venue, 1)))))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("此码无效");
    }

    @Test
    void garbageIsAnInvalidCodeNeverAServerError() {
        for (String garbage : new String[] {"x", "AAAA", "%E4%B8%AD%E6%96%87", "A".repeat(500), "AQ--__", "null",
                "%3Cscript%3E", "a.b", "%20"}) {
            assertThat(mvc.get().uri(URI.create("/c/" + garbage))).as(garbage).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyText().contains("此码无效");
        }
    }

    @Test
    void pathsTheSecurityFirewallRefusesAreABareBadRequest() {
        // encoded slashes and NUL never reach the page: Spring Security's firewall answers 400 itself
        for (String hostile : new String[] {"..%2F..", "%00", "%25"}) {
            assertThat(mvc.get().uri(URI.create("/c/" + hostile))).as(hostile).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyText().doesNotContain("Exception", "at org.");
        }
    }

    @Test
    void anOldPosterAfterAReissueIsWithdrawn() {
        long venue = venues.supermarketInGuangchen();
        String old = codes.current(venue).token();
        codes.reissue(venue, TestUsers.cityAdmin());

        assertThat(mvc.get().uri(path(old))).hasStatus(HttpStatus.GONE)
                .bodyText().contains("此码已作废").doesNotContain("联华超市");
        assertThat(mvc.get().uri(path(codes.current(venue).token()))).hasStatusOk().bodyText().contains("联华超市");
    }

    @Test
    void aSuspendedOrClosedVenueSaysSo() {
        long suspended = venues.add("暂停的网吧", "INTERNET_CAFE", "zhapu", VenueStatus.SUSPENDED);
        long closed = venues.add("关闭的KTV", "KTV", "zhapu", VenueStatus.ACTIVE);
        String closedToken = codes.current(closed).token();
        venues.changeStatus(closed, VenueStatus.CLOSED);

        assertThat(mvc.get().uri(path(codes.current(suspended).token()))).hasStatusOk()
                .bodyText().contains("暂停的网吧", "场所暂停开放").doesNotContain("扫码登记功能即将开放");
        assertThat(mvc.get().uri(path(closedToken))).hasStatus(HttpStatus.GONE)
                .bodyText().contains("关闭的KTV", "场所已关闭");
    }

    private static String path(String token) {
        return "/c/" + token;
    }

    private static String forge(KeyPair key, VenueToken token) {
        byte[] payload = TokenCodec.payload(token);
        return TokenCodec.encode(payload, Ed25519.sign(key.getPrivate(), payload));
    }
}
