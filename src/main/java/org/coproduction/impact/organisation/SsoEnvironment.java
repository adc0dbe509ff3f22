package org.coproduction.impact.organisation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on the operator sets in the environment for some organisations (docs/sso.md,
 * "Set by the operator"), applied at start-up by {@link SsoEnvironmentSettings}, for example
 * {@code APP_SSO_ORGANISATIONS_0_SLUG=leeds-carers}, {@code APP_SSO_ORGANISATIONS_0_ISSUER=https://...},
 * {@code APP_SSO_ORGANISATIONS_0_CLIENT_ID}, {@code APP_SSO_ORGANISATIONS_0_CLIENT_SECRET},
 * {@code APP_SSO_ORGANISATIONS_0_DOMAINS=council.gov.uk,care.org.uk}. The other {@code app.sso}
 * settings (the encryption key, the lookup limit) are read where they are used.
 */
@ConfigurationProperties("app.sso")
public record SsoEnvironment(List<Organisation> organisations) {

    public SsoEnvironment {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    /**
     * One organisation's provider. {@code slug} names the organisation: its id, or its name in small
     * letters with every run of other characters made one hyphen ("Leeds Carers' Network" is
     * {@code leeds-carers-network}). {@code passwordsForStaff} is true unless set;
     * {@code firstRole} is empty (nobody until an ADMIN approves), VIEWER, MEMBER or FACILITATOR.
     */
    public record Organisation(@Nullable String slug, @Nullable String issuer, @Nullable String clientId,
            @Nullable String clientSecret, @Nullable List<String> domains, @Nullable Boolean passwordsForStaff,
            @Nullable String firstRole) {}
}
