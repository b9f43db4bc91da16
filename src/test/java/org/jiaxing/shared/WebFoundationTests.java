package org.jiaxing.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

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
    void unknownPageIsAFriendly404WithoutInternals() {
        MvcTestResult result = mvc.get().uri("/no-such-page").with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user("x").roles("CITY_ADMIN")).accept(MediaType.TEXT_HTML).exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
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
