package org.jiaxing.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.account.StaffUser;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Login, languages, error pages and the operational endpoints every module relies on. */
@SpringBootTest
@AutoConfigureMockMvc
class WebFoundationTests {

    @Autowired MockMvcTester mvc;
    @Autowired StaffAccounts accounts;

    @Test
    void pagesNeedALoginAndTheLoginPageIsChineseFirst() {
        assertThat(mvc.get().uri("/")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("工作人员登录");
        assertThat(mvc.get().uri("/login?lang=en")).hasStatusOk().bodyText().contains("Staff login");
    }

    @Test
    void formLoginWithCsrfSucceedsAndWithoutCsrfFails() {
        String password = Passwords.generate();
        accounts.create(NewStaffAccount.of("city-1", "市管理员", password, Role.CITY_ADMIN));

        assertThat(mvc.post().uri("/login").param("username", "city-1").param("password", password))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/login").param("username", "city-1").param("password", "wrong-password").with(csrf()))
                .redirectedUrl().endsWith("/login?error");
        MvcTestResult ok = mvc.post().uri("/login").param("username", "city-1").param("password", password)
                .with(csrf()).exchange();
        assertThat(ok).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/");
    }

    @Test
    void frameworkErrorsAreFriendlyPagesForPeopleAndProblemJsonForTheApi() {
        var city = user(new StaffUser(1, "x", "市管理员", Role.CITY_ADMIN, null, Set.of(), true, "{noop}unused"));
        MvcTestResult missing = mvc.get().uri("/no-such-page").with(city).accept(MediaType.TEXT_HTML).exchange();
        assertThat(missing).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(missing).bodyText().contains("页面不存在").doesNotContain("No static resource");

        MvcTestResult wrongType = mvc.get().uri("/venues/abc").with(city).accept(MediaType.TEXT_HTML).exchange();
        assertThat(wrongType).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("请求有误").doesNotContain("convert");

        MvcTestResult wrongMethod = mvc.delete().uri("/login").with(city).with(csrf()).accept(MediaType.TEXT_HTML).exchange();
        assertThat(wrongMethod).hasStatus(HttpStatus.METHOD_NOT_ALLOWED).bodyText().contains("不支持此操作");

        MvcTestResult api = mvc.get().uri("/api/v1/venues/abc").with(city).exchange();
        assertThat(api).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api).bodyText().doesNotContain("convert");
    }

    @Test
    void operationalDetailsAreForTheCityAdminOnly() {
        assertThat(mvc.get().uri("/actuator/metrics").with(user("s").roles("SUPERVISOR"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/actuator/metrics").with(user("c").roles("CITY_ADMIN"))).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/health").with(user("s").roles("SUPERVISOR"))).bodyText().doesNotContain("diskSpace");
    }

    @Test
    void urlsTheFirewallRefusesAreA400() {
        assertThat(mvc.get().uri("/c/abc%2F..%2Fdef")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void apiWithoutCredentialsIs401NotARedirect() {
        assertThat(mvc.get().uri("/api/v1/anything")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthAndOpenApiArePublic() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyText().contains("UP");
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk();
        assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
    }
}
