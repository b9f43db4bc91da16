package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.domain.QrDecoding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Code page, QR images and posters: who may see them, who may reissue. */
@SpringBootTest
@AutoConfigureMockMvc
class VenueCodePagesTests {

    private static final String[] STAFF_PAGES = {"/code", "/qr.png", "/qr.svg", "/poster", "/poster.pdf"};

    @Autowired MockMvcTester mvc;
    @Autowired VenueCodes codes;
    @Autowired JdbcClient jdbc;
    long hospital;

    @BeforeEach
    void setUp() {
        hospital = new TestVenues(jdbc).hospitalInDanghu();
    }

    @Test
    void theCodePageShowsQrUrlGenerationAndKey() {
        IssuedCode code = codes.current(hospital);

        assertThat(get("/code", TestUsers.cityAdmin())).hasStatusOk().bodyText()
                .contains(code.url(), "第 1 代", "密钥 " + code.kid(), "初始场所码", "/venues/" + hospital + "/qr.svg",
                        "重新签发场所码", "name=\"_csrf\"");
    }

    @Test
    void thePngHoldsTheCurrentUrl() throws Exception {
        MvcTestResult png = get("/qr.png", TestUsers.townAdmin("danghu"));

        assertThat(png).hasStatusOk().hasContentType("image/png");
        assertThat(QrDecoding.decodePng(png.getResponse().getContentAsByteArray())).isEqualTo(codes.issueUrl(hospital));
    }

    @Test
    void theSvgIsOnePathOnAWhiteSquare() throws Exception {
        MvcTestResult svg = get("/qr.svg", TestUsers.tracer());

        assertThat(svg).hasStatusOk().hasContentType("image/svg+xml");
        assertThat(svg.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<path fill=\"#000\" d=\"M4 4h7v1h-7z");
    }

    @Test
    void aTownAdminOfAnotherTownSeesNothing() {
        StaffUser otherTown = TestUsers.townAdmin("xindai");
        for (String page : STAFF_PAGES) {
            assertThat(get(page, otherTown)).as(page).hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(reissue(otherTown, true)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(codes.current(hospital).generation()).isEqualTo(1);
    }

    @Test
    void aSupervisorSeesNoVenues() {
        for (String page : STAFF_PAGES) {
            assertThat(get(page, TestUsers.supervisor())).as(page).hasStatus(HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void doorStaffMayPrintThePosterButNotReissue() {
        StaffUser door = TestUsers.venueStaff(hospital);

        assertThat(get("/poster", door)).hasStatusOk().bodyText().contains("平湖市第一人民医院", "请扫码登记 · 出示健康码");
        assertThat(get("/code", door)).hasStatusOk().bodyText().doesNotContain("重新签发场所码");
        assertThat(reissue(door, true)).hasStatus(HttpStatus.FORBIDDEN).bodyText().contains("无权重新签发");
        assertThat(codes.current(hospital).generation()).isEqualTo(1);
    }

    @Test
    void doorStaffOfAnotherVenueSeeNothing() {
        assertThat(get("/poster", TestUsers.venueStaff(hospital + 1_000))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theTownAdminReissuesAfterConfirming() {
        StaffUser danghu = TestUsers.townAdmin("danghu");

        assertThat(reissue(danghu, false)).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("请先勾选确认框");
        assertThat(codes.current(hospital).generation()).isEqualTo(1);

        assertThat(reissue(danghu, true)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/venues/" + hospital + "/code");
        assertThat(codes.current(hospital).generation()).isEqualTo(2);
        assertThat(get("/code", danghu)).hasStatusOk().bodyText().contains("第 2 代", "由 " + danghu.getUsername());
    }

    @Test
    void reissuingNeedsTheCsrfToken() {
        assertThat(mvc.post().uri("/venues/{id}/code/reissue", hospital).param("confirm", "true")
                .with(user(TestUsers.cityAdmin()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(codes.current(hospital).generation()).isEqualTo(1);
    }

    @Test
    void anonymousVisitorsAreSentToLogin() {
        assertThat(mvc.get().uri("/venues/{id}/poster", hospital).accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/login");
    }

    @Test
    void theHtmlPosterIsAPrintableA4PageWithoutInlineScript() {
        IssuedCode code = codes.current(hospital);

        assertThat(get("/poster", TestUsers.cityAdmin())).hasStatusOk().bodyText()
                .contains("data-print", "打印", "Scan to check in · Show your health code", "医疗卫生机构 · 当湖街道",
                        "场所编号 " + new TestVenues(jdbc).codeOf(hospital) + " · 第 1 代 · 密钥 " + code.kid(),
                        "data:image/svg+xml;base64,", "/css/code.css", "/venues/" + hospital + "/poster.pdf")
                .doesNotContainPattern("<script>[^<]");
    }

    private MvcTestResult get(String page, StaffUser user) {
        return mvc.get().uri("/venues/" + hospital + page).with(user(user)).exchange();
    }

    private MvcTestResult reissue(StaffUser user, boolean confirm) {
        var request = mvc.post().uri("/venues/{id}/code/reissue", hospital).with(user(user)).with(csrf());
        return (confirm ? request.param("confirm", "true") : request).exchange();
    }
}
