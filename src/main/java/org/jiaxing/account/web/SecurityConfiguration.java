package org.jiaxing.account.web;

import static org.springframework.security.config.Customizer.withDefaults;

import org.jiaxing.account.domain.LoginThrottle;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Staff log in with a form (session cookie, CSRF on). API clients may use HTTP Basic; only requests
 * that carry their own Authorization header skip the CSRF token, because a browser never adds one
 * for a session it got from the login form.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * The benchmark endpoints of the checkin module. They exist only with {@code jiaxing.bench.enabled=true}
     * (otherwise 404 for everyone) and are then public without CSRF: the load generator has no session.
     */
    static final String BENCH_PATHS = "/api/v1/bench/**";

    /** Pages and endpoints anyone may open: the visitor's scan, public keys, login, assets, docs. */
    static final String[] PUBLIC_PATHS = {
        "/c/**", "/me", "/me/**", "/.well-known/**", "/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
        "/favicon.ico", "/actuator/health", "/actuator/health/**", "/swagger-ui", "/swagger-ui/**",
        "/v3/api-docs", "/v3/api-docs/**", BENCH_PATHS
    };

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, MessageSource messages)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        // kiosks and mini-programs hold no cookies: nothing for a cross-site request to ride on
        RequestMatcher publicCheckinApi = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                "/api/v1/checkins");
        RequestMatcher apiWithOwnCredentials = request -> api.matches(request)
                && request.getHeader("Authorization") != null;
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/checkins").permitAll()
                        .requestMatchers("/actuator/**").hasRole("CITY_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(withDefaults())
                // brute force: a throttled username or address is refused before its password is checked
                .addFilterBefore(new LoginThrottleFilter(throttle, messages), UsernamePasswordAuthenticationFilter.class)
                // a new session id on login (Spring's default, stated so it cannot be switched off unnoticed)
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                // the token lives in a cookie, not the session: visitors scanning codes never get a session
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                        .ignoringRequestMatchers(apiWithOwnCredentials, publicCheckinApi)
                        .ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher(BENCH_PATHS)))
                .headers(headers -> headers
                        // sent on HTTPS requests only (behind a TLS proxy: server.forward-headers-strategy)
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * URLs the firewall refuses ({@code %2F}, {@code %00}, {@code ;}) get the normal 400 error page
     * instead of an empty response.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(MessageSource messages) {
        return (request, response, rejected) -> {
            String uri = request.getRequestURI();
            if (uri == null || !(uri.startsWith("/api/") || uri.startsWith("/.well-known/"))) {
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
            // API clients get the same problem+json as for every other bad request (no error dispatch needed)
            String detail = messages.getMessage("error.status.400", null, "Bad request", request.getLocale());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",\"code\":\"error.status.400\"}");
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the {id} prefix so a later move to argon2 keeps old hashes working
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
