package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Without a CJK font the PDF says why, clearly, and the HTML poster still works. */
@SpringBootTest(properties = "jiaxing.code.poster-font=/nonexistent/NotoSansCJK-Regular.ttc")
@AutoConfigureMockMvc
class PosterFontMissingTests {

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void thePdfIsUnavailableWithAClearMessage() {
        long venue = new TestVenues(jdbc).hospitalInDanghu();

        assertThat(mvc.get().uri("/venues/{id}/poster.pdf", venue).with(user(TestUsers.cityAdmin())))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE).bodyText().contains("缺少中文字体", "fonts-noto-cjk");
    }

    @Test
    void theHtmlPosterStillWorks() {
        long venue = new TestVenues(jdbc).hospitalInDanghu();

        assertThat(mvc.get().uri("/venues/{id}/poster", venue).with(user(TestUsers.cityAdmin()))).hasStatusOk()
                .bodyText().contains("平湖市第一人民医院", "缺少中文字体").doesNotContain("/poster.pdf\"");
    }

    @Test
    void aBatchIsRefusedUpFront() {
        new TestVenues(jdbc).hospitalInDanghu();

        assertThat(mvc.post().uri("/posters/jobs").param("town", "danghu").with(csrf()).with(user(TestUsers.cityAdmin())))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE).bodyText().contains("fonts-noto-cjk");
    }
}
