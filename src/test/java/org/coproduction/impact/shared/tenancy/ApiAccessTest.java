package org.coproduction.impact.shared.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.security.OperatorProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.method.HandlerMethod;

/**
 * An API handler runs limited to the token's organisation, as a signed-in page runs limited to the
 * person's: the access interceptor sets {@link OrganisationScope} from the token the API's filter
 * accepted, so PostgreSQL row-level security applies to every query the handler makes.
 */
class ApiAccessTest {

    private final AccessInterceptor interceptor = new AccessInterceptor(new TenantResolver(user -> List.of()),
            new OperatorProperties(List.of()), List.of(),
            // Only the operator's pages write to the audit log here; an API request never reaches the database through it.
            new AuditLog(JdbcClient.create(new SimpleDriverDataSource())));

    static class Handlers {
        @ApiScope("read:projects")
        String projects() {
            return "projects";
        }
    }

    private static HandlerMethod handler() throws NoSuchMethodException {
        return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod("projects"));
    }

    private static ApiClient client(OrganisationId org, String... scopes) {
        return new ApiClient(UUID.randomUUID(), org, "Org", null, Set.of(scopes));
    }

    @AfterEach
    void clear() {
        OrganisationScope.clear();
    }

    @Test
    void anApiHandlerRunsWithinTheTokensOrganisation() throws Exception {
        OrganisationId org = new OrganisationId(UUID.randomUUID());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/projects");
        CurrentRequest.acceptApiClient(request, client(org, "read:projects"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(interceptor.preHandle(request, response, handler())).isTrue();
        assertThat(OrganisationScope.current()).contains(org);

        interceptor.afterCompletion(request, response, handler(), null);
        assertThat(OrganisationScope.current()).isEmpty();
    }

    @Test
    void withoutATokenOrItsScopeTheHandlerDoesNotRun() throws Exception {
        OrganisationId org = new OrganisationId(UUID.randomUUID());
        MockHttpServletRequest none = new MockHttpServletRequest("GET", "/api/v1/projects");
        MockHttpServletRequest wrongScope = new MockHttpServletRequest("GET", "/api/v1/projects");
        CurrentRequest.acceptApiClient(wrongScope, client(org, "read:reports"));

        assertThatThrownBy(() -> interceptor.preHandle(none, new MockHttpServletResponse(), handler()))
                .isInstanceOf(InsufficientAuthenticationException.class);
        assertThatThrownBy(() -> interceptor.preHandle(wrongScope, new MockHttpServletResponse(), handler()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(OrganisationScope.current()).isEmpty();
    }
}
