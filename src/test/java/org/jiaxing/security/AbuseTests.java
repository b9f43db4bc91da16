package org.jiaxing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.account.StaffUser;
import org.jiaxing.support.MutableClock;
import org.jiaxing.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Login brute force (per account and per address, on the injected clock), session fixation, CSRF on
 * every state-changing endpoint, and the security headers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AbuseTests {

    /**
     * State-changing endpoints that deliberately take no CSRF token, and why. Anything else that changes
     * state must refuse a cookie-authenticated request without the token.
     */
    static final Map<String, String> CSRF_EXEMPT = Map.of(
            "POST /api/v1/checkins", "public check-in API for kiosks and mini-programs: no cookie identifies anyone",
            "POST /api/v1/bench/echo", "benchmark endpoint, absent unless jiaxing.bench.enabled",
            "POST /api/v1/bench/checkins", "benchmark endpoint, absent unless jiaxing.bench.enabled");

    @Autowired MockMvc mvc;
    @Autowired StaffAccounts accounts;
    @Autowired MutableClock clock;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void oneAccountIsThrottledAfterFiveFailuresUntilTheWindowHasPassed() throws Exception {
        String password = account("throttled-1");
        for (int i = 0; i < 5; i++) {
            assertThat(login("throttled-1", "wrong-password-" + i, "10.0.0.1").getResponse().getRedirectedUrl())
                    .endsWith("/login?error");
        }
        // the right password is not even checked now, from any address
        MvcResult refused = login("throttled-1", password, "10.0.0.2");
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?throttled=15");
        assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("900");
        String page = mvc.perform(MockMvcRequestBuilders.get("/login?throttled=15")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("登录失败次数过多，请 15 分钟后再试");

        clock.advance(Duration.ofMinutes(14));
        assertThat(login("throttled-1", password, "10.0.0.2").getResponse().getRedirectedUrl())
                .startsWith("/login?throttled=");
        clock.advance(Duration.ofMinutes(1));
        assertThat(login("throttled-1", password, "10.0.0.2").getResponse().getRedirectedUrl()).isEqualTo("/");
        // other accounts were never affected
    }

    @Test
    void oneAddressIsThrottledAfterThirtyFailuresAcrossAccounts() throws Exception {
        String password = account("victim-2");
        for (int i = 0; i < 30; i++) {
            login("guess-" + i, "wrong-password", "10.0.9.9");
        }
        assertThat(login("victim-2", password, "10.0.9.9").getResponse().getRedirectedUrl())
                .startsWith("/login?throttled=");
        // the same account from another address is fine
        assertThat(login("victim-2", password, "10.0.9.10").getResponse().getRedirectedUrl()).isEqualTo("/");
        clock.advance(Duration.ofMinutes(15));
        assertThat(login("victim-2", password, "10.0.9.9").getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void httpBasicIsThrottledWith429AndRetryAfter() throws Exception {
        String password = account("basic-3");
        for (int i = 0; i < 5; i++) {
            assertThat(basic("basic-3", "wrong-" + i).getResponse().getStatus()).isEqualTo(401);
        }
        MvcResult throttled = basic("basic-3", password);
        assertThat(throttled.getResponse().getStatus()).isEqualTo(429);
        assertThat(throttled.getResponse().getHeader("Retry-After")).isEqualTo("900");
        assertThat(throttled.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("login.throttled");
        clock.advance(Duration.ofMinutes(16));
        assertThat(basic("basic-3", password).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginResetsTheAccountsCount() throws Exception {
        String password = account("reset-4");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                login("reset-4", "wrong", "10.0.4." + round);
            }
            assertThat(login("reset-4", password, "10.0.4." + round).getResponse().getRedirectedUrl()).isEqualTo("/");
        }
    }

    @Test
    void theSessionIdChangesOnLogin() throws Exception {
        String password = account("fixation-5");
        MockHttpSession session = new MockHttpSession(null, "attacker-chosen-session-id");
        session.setAttribute("planted", "x");
        MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/login").session(session)
                .param("username", "fixation-5").param("password", password).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(result.getRequest().getSession(false)).isNotNull();
        assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo("attacker-chosen-session-id");
    }

    @Test
    void everyStateChangingEndpointRefusesASessionRequestWithoutTheCsrfToken() throws Exception {
        StaffUser city = new StaffUser(920_001, "csrf-city", "城市", Role.CITY_ADMIN, null, Set.of(), true, null);
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                    continue;
                }
                for (String pattern : entry.getKey().getPatternValues()) {
                    String key = method + " " + pattern;
                    if (CSRF_EXEMPT.containsKey(key)) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", "1");
                    for (RequestPostProcessor principal : List.<RequestPostProcessor>of(user(city), r -> r)) {
                        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method.asHttpMethod(),
                                path);
                        MvcResult result = mvc.perform(request.with(principal)).andReturn();
                        assertThat(result.getResponse().getStatus()).as(key + " without CSRF token").isEqualTo(403);
                    }
                    checked.add(key);
                }
            }
        }
        assertThat(checked).as("state-changing endpoints checked").hasSizeGreaterThan(20)
                .contains("POST /venues", "PUT /api/v1/venues/{id}", "POST /c/{token}");
    }

    @Test
    void securityHeadersAreSetAndHstsOnlyOverHttps() throws Exception {
        for (String path : List.of("/login", "/c/invalid", "/api/v1/venues", "/.well-known/jiaxing-keys")) {
            MvcResult plain = mvc.perform(MockMvcRequestBuilders.get(path)).andReturn();
            String csp = plain.getResponse().getHeader("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'",
                    "form-action 'self'");
            assertThat(csp.replaceAll("style-src[^;]*;", "")).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(plain.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(plain.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(plain.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(plain.getResponse().getHeader("Strict-Transport-Security")).isNull();

            MvcResult tls = mvc.perform(MockMvcRequestBuilders.get(path).secure(true)).andReturn();
            assertThat(tls.getResponse().getHeader("Strict-Transport-Security"))
                    .isEqualTo("max-age=31536000 ; includeSubDomains");
        }
    }

    @Test
    void templatesHoldNoInlineScriptsOrEventHandlers() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\s(on[a-z]+|hx-on[:\\-][^=\\s]*|th:on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern jsUrl = Pattern.compile("(href|src|action)\\s*=\\s*[\"']\\s*javascript:", Pattern.CASE_INSENSITIVE);
        List<String> problems = new ArrayList<>();
        int templates = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                templates++;
                String html = Files.readString(file);
                for (Pattern pattern : List.of(inlineScript, handler, jsUrl)) {
                    Matcher matcher = pattern.matcher(html);
                    while (matcher.find()) {
                        problems.add(file + ": " + matcher.group());
                    }
                }
            }
        }
        assertThat(templates).isGreaterThan(10);
        assertThat(problems).as("inline script in templates (move it to static/js)").isEmpty();
    }

    private String account(String username) {
        String password = Passwords.generate();
        accounts.create(NewStaffAccount.of(username, username, password, Role.CITY_ADMIN));
        return password;
    }

    private MvcResult login(String username, String password, String address) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/login").param("username", username).param("password", password)
                .with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();
    }

    private MvcResult basic(String username, String password) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/v1/venue-categories").header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))))
                .andReturn();
    }
}
