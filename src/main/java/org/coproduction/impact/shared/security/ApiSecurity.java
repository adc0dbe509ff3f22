package org.coproduction.impact.shared.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.coproduction.impact.shared.tenancy.ApiClient;
import org.coproduction.impact.shared.tenancy.CurrentRequest;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The read-only API ({@code /api/**}, docs/api.md): a chain of its own, stateless, with no session,
 * sign-in page, saved requests or CSRF (no cookie is ever read, so there is nothing to forge). A
 * request is let in by an organisation's API token in {@code Authorization: Bearer}; which scope
 * each handler needs is declared on it ({@code @ApiScope}) and checked by the access interceptor,
 * which also limits the request to the token's organisation (row-level security included).
 *
 * <p>Answers here are problem details (RFC 9457): 401 for a missing, unknown, revoked or expired
 * token, 429 with {@code Retry-After} when a token asks too often. The rate limit is a token bucket
 * per API token, kept in memory: per instance, so with several instances behind a load balancer a
 * token may make up to that many times the requests.
 */
@Configuration
class ApiSecurity {

    static final String OPENAPI = "/api/v1/openapi.json";

    /** Before the pages' chain (which matches everything); the metrics and answering chains match other paths. */
    @Bean
    @Order(-1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, @Value("${app.api.requests-per-minute:120}") int perMinute,
            @Value("${app.security.hsts:false}") boolean hsts) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(h -> {
                            if (hsts) {
                                h.includeSubDomains(true).maxAgeInSeconds(31_536_000);
                            } else {
                                h.disable();
                            }
                        }))
                .addFilterAfter(new BearerTokenFilter(tokens, new RateLimit(perMinute)), SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * An address under {@code /api/} that no handler answers (or not with that method): a problem
     * in JSON too, not the pages' HTML "page not found". Asked before Spring MVC's own resolvers, and
     * only for the API's addresses.
     */
    @Bean
    HandlerExceptionResolver apiUnknownAddresses() {
        return new UnknownAddresses();
    }

    static final class UnknownAddresses implements HandlerExceptionResolver, Ordered {

        @Override
        public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, @Nullable Object handler,
                Exception ex) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/")) {
                return null;
            }
            try {
                if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
                    problem(response, 404, "Not Found", "The API has no such address. See /api/v1/openapi.json.");
                    return new ModelAndView();
                }
                if (ex instanceof HttpRequestMethodNotSupportedException) {
                    response.setHeader("Allow", "GET");
                    problem(response, 405, "Method Not Allowed", "The API is read-only: use GET.");
                    return new ModelAndView();
                }
            } catch (IOException e) {
                return null;
            }
            return null;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }
    }

    /** A token bucket per API token: {@code perMinute} requests, refilled evenly over each minute. */
    static final class RateLimit {

        private final int perMinute;
        private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

        RateLimit(int perMinute) {
            this.perMinute = perMinute;
        }

        /** Empty when the request may go ahead; otherwise the seconds to wait. */
        Optional<Long> take(UUID tokenId) {
            Bucket bucket = buckets.computeIfAbsent(tokenId, id -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return Optional.empty();
            }
            return Optional.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** Finds the request's API token, refuses without a good one, and counts it against the token's rate limit. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final RateLimit limit;

        BearerTokenFilter(ApiTokens tokens, RateLimit limit) {
            this.tokens = tokens;
            this.limit = limit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals(OPENAPI)) {
                // The description of the API is public: it holds no organisation's data.
                chain.doFilter(request, response);
                return;
            }
            String header = request.getHeader("Authorization");
            Optional<ApiClient> client = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? OrganisationScope.asTheService("finding an API token", () -> tokens.authenticate(header.substring(7).strip()))
                    : Optional.empty();
            if (client.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"api\"");
                problem(response, 401, "Unauthorized",
                        header == null ? "Send an API token: Authorization: Bearer <token>."
                                : "The API token is not known, has been revoked or has expired.");
                return;
            }
            Optional<Long> wait = limit.take(client.get().tokenId());
            if (wait.isPresent()) {
                response.setHeader("Retry-After", Long.toString(wait.get()));
                problem(response, 429, "Too Many Requests", "This token has made too many requests. Try again in "
                        + wait.get() + " seconds.");
                return;
            }
            CurrentRequest.acceptApiClient(request, client.get());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "api-token:" + client.get().tokenId(), null, AuthorityUtils.NO_AUTHORITIES));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /** Writes an RFC 9457 problem; the texts are this class's own, so they need no escaping. */
    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
