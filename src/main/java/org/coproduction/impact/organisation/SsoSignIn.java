package org.coproduction.impact.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.util.UUID;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.ServiceWork;
import org.coproduction.impact.shared.tenancy.TenantResolver;
import org.coproduction.impact.shared.web.BaseUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Signing in with a work account (OpenID Connect, issue 14), plugged into the main security chain
 * as a customizer so {@code SecurityConfig} only applies it. The provider's answer is checked here
 * ({@link SsoService#signIn}); a person who may come in is then signed in exactly like after a
 * password, as their {@link SignedInUser}, in the organisation whose provider they used. No token
 * from the provider is kept: the service needs nothing from it after sign-in.
 */
@Configuration
class SsoSignIn {

    static final String REFUSED_DOMAIN = "refused_domain";
    static final String NOT_VERIFIED = "email_not_verified";
    static final String WAITING = "waiting_for_approval";

    @Bean
    ClientRegistrationRepository workAccountProviders(SsoService sso, BaseUrl baseUrl) {
        // Each organisation's provider is read when its sign-in starts, before anyone is signed in.
        return ServiceWork.named(ClientRegistrationRepository.class, "reading an organisation's sign-in provider",
                new SsoClientRegistrations(sso, baseUrl));
    }

    @Bean
    Customizer<OAuth2LoginConfigurer<HttpSecurity>> workAccountSignIn(
            SsoService sso, ClientRegistrationRepository workAccountProviders, AuthenticationSuccessHandler onSignIn) {
        // The same sign-in page as passwords: it offers both, and people asked to sign in land there.
        return login -> login.loginPage("/sign-in")
                .clientRegistrationRepository(workAccountProviders)
                .authorizedClientRepository(new KeepNoTokens())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new WorkAccountUsers(sso)))
                .successHandler(new SignInAsAccount(onSignIn))
                .failureHandler(onFailedWorkAccountSignIn())
                // An organisation without single sign-on (turned off, or a made-up id), or a provider
                // that does not answer: the plain "did not work" message, not a 500 page.
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(onFailedWorkAccountSignIn());
                        return filter;
                    }
                });
    }

    static AuthenticationFailureHandler onFailedWorkAccountSignIn() {
        return (request, response, exception) -> {
            String code = exception instanceof OAuth2AuthenticationException e ? e.getError().getErrorCode() : "";
            String target = switch (code) {
                case WAITING -> "/sign-in/work-account/waiting";
                case REFUSED_DOMAIN -> "/sign-in/work-account?error=domain";
                case NOT_VERIFIED -> "/sign-in/work-account?error=unverified";
                default -> "/sign-in/work-account?error=failed";
            };
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /** The provider's person, with the account they are signed in as and the organisation whose provider it was. */
    static final class WorkAccountUser extends DefaultOidcUser {
        @Serial
        private static final long serialVersionUID = 1L;

        private final SignedInUser account;
        private final UUID organisation;

        WorkAccountUser(OidcUser user, SignedInUser account, OrganisationId organisation) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.account = account;
            this.organisation = organisation.value();
        }
    }

    /** Checks the provider's person against the organisation's settings (see {@link SsoService#signIn}). */
    static final class WorkAccountUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

        private final OidcUserService provider = new OidcUserService();
        private final SsoService sso;

        WorkAccountUsers(SsoService sso) {
            this.sso = sso;
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
            OidcUser user = provider.loadUser(request);
            OrganisationId org = new OrganisationId(UUID.fromString(request.getClientRegistration().getRegistrationId()));
            SsoService.Outcome outcome = OrganisationScope.asTheService("signing in with a work account",
                    () -> sso.signIn(org, user.getEmail(), verified(user), user.getFullName()));
            return switch (outcome) {
                case SsoService.Outcome.SignedIn in -> new WorkAccountUser(user,
                        new SignedInUser(in.account().id(), in.account().username(), in.account().displayName(), null), org);
                case SsoService.Outcome.RefusedDomain refused -> throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED_DOMAIN));
                case SsoService.Outcome.NotVerified unverified -> throw new OAuth2AuthenticationException(new OAuth2Error(NOT_VERIFIED));
                case SsoService.Outcome.Waiting waiting -> throw new OAuth2AuthenticationException(new OAuth2Error(WAITING));
            };
        }

        /**
         * OpenID Connect's {@code email_verified}; Microsoft Entra ID does not send it, and says the
         * same with its optional claim {@code xms_edov} (the email's domain is verified by its owner).
         */
        static boolean verified(OidcUser user) {
            return isTrue(user.getClaims().get("email_verified")) || isTrue(user.getClaims().get("xms_edov"));
        }

        private static boolean isTrue(@Nullable Object claim) {
            return Boolean.TRUE.equals(claim) || "true".equals(claim) || "1".equals(String.valueOf(claim));
        }
    }

    /**
     * Replaces the provider's authentication with the account's, as after a password sign-in, and
     * makes the provider's organisation the current one; then the usual after-sign-in steps.
     */
    static final class SignInAsAccount implements AuthenticationSuccessHandler {

        private final AuthenticationSuccessHandler next;
        private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

        SignInAsAccount(AuthenticationSuccessHandler next) {
            this.next = next;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws java.io.IOException, jakarta.servlet.ServletException {
            if (!(authentication instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof WorkAccountUser user)) {
                throw new IllegalStateException("not a work account sign-in");
            }
            Authentication account = UsernamePasswordAuthenticationToken.authenticated(user.account, null, user.account.getAuthorities());
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(account);
            holder.setContext(context);
            contexts.saveContext(context, request, response);
            request.getSession().setAttribute(TenantResolver.SESSION_ORGANISATION, user.organisation.toString());
            next.onAuthenticationSuccess(request, response, account);
            // The provider vouched for the person in this organisation only: the session reaches no other.
            request.getSession().setAttribute(TenantResolver.SESSION_SIGNED_IN_THROUGH, user.organisation.toString());
        }
    }

    /** Nothing from the provider is kept after sign-in: no access or refresh tokens in memory or the session. */
    static final class KeepNoTokens implements OAuth2AuthorizedClientRepository {
        @Override
        @SuppressWarnings("unchecked")
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String id, @Nullable Authentication principal,
                HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, @Nullable Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(String id, @Nullable Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
