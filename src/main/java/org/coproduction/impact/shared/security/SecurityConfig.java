package org.coproduction.impact.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in, sign-out, CSRF and security headers. Which handler needs which role is declared on the
 * handler itself ({@code @PublicEndpoint}, {@code @SignedIn}, {@code @RequiresRole}) and enforced by
 * the access interceptor, so there is one place to read it; the endpoint sweep test checks them all.
 *
 * <p>Passwords are checked by the organisation module's single {@code AuthenticationProvider} bean,
 * which Spring Security installs globally; adding it here as well would check (and count a failed
 * sign-in) twice.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * The public answering pages ({@code /r/**}): no account, no session, so a lean chain of their
     * own. It keeps what protects a person answering (CSRF, the security headers) and leaves out
     * what only signed-in pages need (reading a signed-in person from the session, sign-in, sign-out,
     * saved requests). It was a few percent of the server's time on every send (bench/README.md), and
     * it makes sure no respondent request ever reads or makes a session for security.
     */
    @Bean
    @Order(1)
    SecurityFilterChain answeringPages(HttpSecurity http, @Value("${app.security.hsts:false}") boolean hsts) throws Exception {
        http.securityMatcher(PublicFormsCsrfTokens.PUBLIC_PREFIX + "**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(new PublicFormsCsrfTokens()));
        headers(http, hsts);
        return http.build();
    }

    /**
     * The metrics for Prometheus ({@code /actuator/prometheus}): no session, no sign-in page; only a
     * scraper that sends {@code Authorization: Bearer} with the operator's {@code app.metrics.token}
     * (APP_METRICS_TOKEN). Without that setting the metrics are refused to everyone (401).
     */
    @Bean
    @Order(0)
    SecurityFilterChain metricsScrape(HttpSecurity http, @Value("${app.metrics.token:}") String token) throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new ScrapeToken(token)))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((request, response, denied) -> response.sendError(HttpStatus.UNAUTHORIZED.value())));
        return http.build();
    }

    /** Grants the request when it carries the configured bearer token; compared in constant time. */
    record ScrapeToken(String token) implements AuthorizationManager<RequestAuthorizationContext> {
        @Override
        public AuthorizationDecision authorize(Supplier<? extends @Nullable Authentication> authentication,
                RequestAuthorizationContext context) {
            String header = context.getRequest().getHeader("Authorization");
            boolean granted = !token.isBlank() && header != null && header.startsWith("Bearer ")
                    && MessageDigest.isEqual(header.substring(7).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
            return new AuthorizationDecision(granted);
        }
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AuthenticationSuccessHandler onSignIn,
            AuthenticationFailureHandler onFailedSignIn,
            @Value("${app.security.hsts:false}") boolean hsts,
            ObjectProvider<Customizer<OAuth2LoginConfigurer<HttpSecurity>>> workAccountSignIn)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .authenticated()
                        // Every other URL is checked per handler by AccessInterceptor.
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .successHandler(onSignIn)
                        .failureHandler(onFailedSignIn))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"))
                .csrf(csrf -> csrf.csrfTokenRepository(new PublicFormsCsrfTokens()));
        // Single sign-on with a work account (OpenID Connect, per organisation): configured by the
        // organisation module (SsoSignIn), only applied here. See docs/sso.md.
        workAccountSignIn.ifAvailable(http::oauth2Login);
        headers(http, hsts);
        return http.build();
    }

    /** The same security headers on every page, answering pages included. */
    private static void headers(HttpSecurity http, boolean hsts) throws Exception {
        http.headers(headers -> {
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .frameOptions(frame -> frame.deny())
                    .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"));
            if (hsts) {
                headers.httpStrictTransportSecurity(h -> h.includeSubDomains(true).maxAgeInSeconds(31_536_000));
            } else {
                headers.httpStrictTransportSecurity(h -> h.disable());
            }
        });
    }

    /**
     * CSRF tokens stay on for every form, respondent pages included. Signed-in pages keep theirs in
     * the session as before. The public answering pages ({@code /r/**}) keep theirs in a cookie
     * instead (HttpOnly, scoped to {@code /r}, SameSite=Lax, Secure over HTTPS), so a person
     * answering a form never gets a session: sessions live in PostgreSQL, and one row per respondent
     * would slow the submission path and fill the table. We keep the token rather than exempting
     * {@code /r/**} (and leaning on the SameSite draft cookie alone) so that the same rule holds on
     * every POST the service accepts, older browsers without SameSite included; the draft cookie is a
     * second lock: a cross-site POST carries neither, and changes nothing.
     */
    static final class PublicFormsCsrfTokens implements CsrfTokenRepository {

        static final String PUBLIC_PREFIX = "/r/";

        private final CsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
        private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

        PublicFormsCsrfTokens() {
            cookie.setCookieName("respondent_csrf");
            cookie.setParameterName("_csrf");
            cookie.setCookiePath("/r");
            // Kept as long as a draft (7 days), so a page left open overnight can still be sent: no time limits.
            cookie.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax").maxAge(java.time.Duration.ofDays(7)));
        }

        private CsrfTokenRepository pick(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith(PUBLIC_PREFIX) ? cookie : session;
        }

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return pick(request).generateToken(request);
        }

        @Override
        public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            pick(request).saveToken(token, request, response);
        }

        @Override
        public @Nullable CsrfToken loadToken(HttpServletRequest request) {
            return pick(request).loadToken(request);
        }
    }

    /**
     * No Micrometer observation of each security filter, authentication and authorization. They
     * wrap every one of about fifteen filters on every request, which was a tenth of the server's
     * time on the form submission benchmark (bench/README.md), and nothing reads them: the service's
     * own HTTP request metrics stay on.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
