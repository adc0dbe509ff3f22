package org.coproduction.impact.organisation;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.web.BaseUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * Spring Security's client registrations, one per organisation with single sign-on, read from its
 * settings: the registration id is the organisation's id, so the provider sends people back to
 * {@code /login/oauth2/code/{organisation id}}. The provider's endpoints come from its OpenID
 * Connect discovery document, read once per version of the settings and kept in memory; a change
 * to the settings (on any instance) reads it again.
 */
class SsoClientRegistrations implements ClientRegistrationRepository {

    static final String CALLBACK = "/login/oauth2/code/{registrationId}";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SsoClientRegistrations.class);

    private record Cached(String fingerprint, ClientRegistration registration) {}

    private final SsoService sso;
    private final String redirectUri;
    private final Map<OrganisationId, Cached> cache = new ConcurrentHashMap<>();

    /**
     * The redirect address starts with APP_BASE_URL when it is set, the address people (and so the
     * provider's registration) know the service by; otherwise with the request's own address.
     */
    SsoClientRegistrations(SsoService sso, BaseUrl baseUrl) {
        this.sso = sso;
        this.redirectUri = baseUrl.configured().map(base -> base + CALLBACK).orElse("{baseUrl}" + CALLBACK);
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        OrganisationId org;
        try {
            org = new OrganisationId(UUID.fromString(registrationId));
        } catch (IllegalArgumentException notAnOrganisation) {
            return null;
        }
        Optional<SsoSettings> settings = sso.settingsFor(org);
        Optional<String> secret = sso.clientSecret(org);
        if (settings.isEmpty() || secret.isEmpty()) {
            cache.remove(org);
            return null;
        }
        SsoSettings s = settings.get();
        String fingerprint = s.version() + "|" + s.issuer() + "|" + s.clientId() + "|" + secret.get().hashCode();
        Cached cached = cache.get(org);
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached.registration();
        }
        ClientRegistration registration;
        try {
            registration = ClientRegistrations.fromIssuerLocation(s.issuer())
                    .registrationId(registrationId)
                    .clientId(s.clientId())
                    .clientSecret(secret.get())
                    .scope("openid", "email", "profile")
                    .redirectUri(redirectUri)
                    .build();
        } catch (RuntimeException providerNotAnswering) {
            log.warn("The single sign-on provider of organisation {} did not answer with its discovery document: {}",
                    org.value(), providerNotAnswering.getMessage());
            return null;
        }
        cache.put(org, new Cached(fingerprint, registration));
        return registration;
    }
}
