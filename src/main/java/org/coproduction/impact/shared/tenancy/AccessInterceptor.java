package org.coproduction.impact.shared.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.security.OperatorProperties;
import org.coproduction.impact.shared.security.SignedInUser;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Enforces each handler's declared access before it runs, and resolves the current organisation
 * for every signed-in request so pages can show it.
 */
@Component
public class AccessInterceptor implements AsyncHandlerInterceptor {

    private final TenantResolver tenants;

    /** How a page finds the language an organisation writes in ({@link CurrentRequest#wordsLanguage}): made once, not per request. */
    private final java.util.function.Function<OrganisationId, String> wordsLanguages;
    private final OperatorProperties operators;
    private final List<TokenScope> tokenScopes;
    private final AuditLog audit;

    /** Each handler's rule, read from its annotations once (reading them was a few percent of every request). */
    private final java.util.concurrent.ConcurrentMap<Handler, EndpointAccess> rules = new java.util.concurrent.ConcurrentHashMap<>();

    private record Handler(Class<?> beanType, java.lang.reflect.Method method) {}

    AccessInterceptor(TenantResolver tenants, OperatorProperties operators, List<TokenScope> tokenScopes, AuditLog audit) {
        this.tenants = tenants;
        this.wordsLanguages = tenants::wordsLanguage;
        this.operators = operators;
        this.tokenScopes = List.copyOf(tokenScopes);
        this.audit = audit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        OrganisationScope.clear();
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        SignedInUser user = CurrentRequest.user().orElse(null);
        Tenant tenant = user == null ? null : tenants.resolve(request, user);
        request.setAttribute(CurrentRequest.OPERATOR, user != null && operators.isOperator(user.getUsername()));
        request.setAttribute(CurrentRequest.WORDS_LANGUAGES, wordsLanguages);
        Handler key = new Handler(method.getBeanType(), method.getMethod());
        EndpointAccess access = rules.get(key);
        if (access == null) {
            access = EndpointAccess.of(method);
            if (access != null) {
                rules.put(key, access);
            }
        }
        if (access == null) {
            throw new AccessDeniedException("handler declares no access rule: " + method);
        }
        switch (access) {
            case EndpointAccess.Public p -> limitPublicPage(request, method, tenant);
            case EndpointAccess.AnySignedIn s -> {
                requireUser(user);
                limitPublicPage(request, method, tenant);
            }
            case EndpointAccess.Operator o -> {
                requireUser(user);
                if (!operators.isOperator(user.getUsername())) {
                    throw new AccessDeniedException("not the operator");
                }
                // Across organisations on purpose: the database's operator role, and a line in the audit log for each request.
                OrganisationScope.setAcross();
                audit.record(null, user.userId(), "OPERATOR_PAGE", "operator", null, request.getMethod() + " " + request.getRequestURI());
            }
            case EndpointAccess.Api api -> {
                // An API token, checked and found by the API's security filter; a session never counts here.
                ApiClient client = CurrentRequest.apiClient(request);
                if (client == null) {
                    throw new InsufficientAuthenticationException("an API token is needed");
                }
                if (!client.may(api.scope())) {
                    throw new AccessDeniedException("the token has no " + api.scope() + " scope");
                }
                // The same second wall as for the pages: the database shows only the token's organisation's rows.
                OrganisationScope.set(client.organisationId());
            }
            case EndpointAccess.Roles roles -> {
                requireUser(user);
                if (tenant == null) {
                    throw new NoOrganisationException();
                }
                if (tenants.isSuspended(request, tenant)) {
                    throw new OrganisationSuspendedException();
                }
                if (!roles.allowed().contains(tenant.role())) {
                    throw new AccessDeniedException("role " + tenant.role() + " may not do this");
                }
                // The second wall: from here to the end of the request, the database shows only this organisation's rows.
                OrganisationScope.set(tenant.organisationId());
            }
        }
        return true;
    }

    /**
     * The second wall for the pages that need no role in an organisation. A page reached by a token (a
     * form's answering link, an invitation) reads only its token's organisation, and an unknown token
     * none. Any other such page reads only the signed-in person's current organisation (their home
     * page's reminders), or none at all (the sign-in page, a password reset): a query there that forgot
     * its organisation condition finds nothing. Only a handler marked {@link AcrossOrganisations} is left
     * unlimited, because it has to look across organisations to find which one it is about.
     */
    private void limitPublicPage(HttpServletRequest request, HandlerMethod method, @Nullable Tenant tenant) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (TokenScope scope : tokenScopes) {
                if (variables.get(scope.pathVariable()) instanceof String token) {
                    // Any organisation's link may arrive here: finding which is the service's own work, and named so.
                    OrganisationId organisation = OrganisationScope.asTheService("finding which organisation a link belongs to",
                            () -> scope.organisationOf(token).orElse(OrganisationScope.NONE));
                    OrganisationScope.set(organisation);
                    return;
                }
            }
        }
        AcrossOrganisations across = method.getMethodAnnotation(AcrossOrganisations.class);
        if (across != null) {
            // Unlimited, and saying why: the service's own work, as requests are held strictly (StrictRequests).
            OrganisationScope.setService(across.value());
            return;
        }
        OrganisationScope.set(tenant == null ? OrganisationScope.NONE : tenant.organisationId());
    }

    /**
     * A streamed download carries on in another thread ({@link ScopeCarrier} takes the scope there);
     * this thread goes back to the server's pool and must not keep it.
     */
    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response, Object handler) {
        OrganisationScope.clear();
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        OrganisationScope.clear();
    }

    @SuppressWarnings("NullAway")
    private static void requireUser(SignedInUser user) {
        if (user == null) {
            throw new InsufficientAuthenticationException("sign in first");
        }
    }
}
