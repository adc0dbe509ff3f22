package org.coproduction.impact.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.security.ApiTokens;
import org.coproduction.impact.shared.tenancy.ApiClient;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: an ADMIN makes one (shown once), sees when each was last used, and revokes it. Both
 * are written to the audit log. A token is {@value #PREFIX} and 256 random bits; only its SHA-256
 * is kept (enough for a random secret of that length: there is nothing to guess from a dictionary).
 */
@Service
public class ApiTokenService implements ApiTokens {

    static final String PREFIX = "cpi_";
    /** How much of a token is kept and shown, so an ADMIN can tell which one a dashboard uses. */
    static final int SHOWN = PREFIX.length() + 6;
    static final int NAME_MAX = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AuditLog audit;

    ApiTokenService(ApiTokenRepository tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    public List<ApiToken> tokens(Tenant tenant) {
        requireAdmin(tenant);
        return tokens.list(tenant.organisationId());
    }

    public ApiToken token(Tenant tenant, UUID id) {
        requireAdmin(tenant);
        return tokens.find(tenant.organisationId(), id).orElseThrow(() -> new NotFoundException("API token"));
    }

    /**
     * Makes a token with these scopes (a subset of {@link ApiScopes#ALL}), usable until the end of
     * {@code expiresOn} (UK time) when given.
     */
    @Transactional
    public NewToken create(Tenant tenant, String name, List<String> scopes, @Nullable LocalDate expiresOn) {
        requireAdmin(tenant);
        if (name.isBlank() || name.length() > NAME_MAX || scopes.isEmpty() || !ApiScopes.ALL.containsAll(scopes)) {
            throw new IllegalArgumentException("a token needs a name and known scopes");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = UUID.randomUUID();
        OffsetDateTime expires = expiresOn == null ? null
                : expiresOn.plusDays(1).atStartOfDay(ZoneId.of("Europe/London")).toOffsetDateTime();
        List<String> ordered = ApiScopes.ALL.stream().filter(scopes::contains).toList();
        tokens.insert(tenant.organisationId(), id, name.strip(), secret.substring(0, SHOWN), hash(secret), ordered, expires, tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "API_TOKEN_CREATED", "api_token", id,
                name.strip() + " (" + String.join(", ", ordered) + (expiresOn == null ? "" : "; until " + expiresOn) + ")");
        return new NewToken(id, secret);
    }

    /** Revokes the token at once: its next request gets 401. False when it was already revoked. */
    @Transactional
    public boolean revoke(Tenant tenant, UUID id) {
        ApiToken token = token(tenant, id);
        boolean revoked = tokens.revoke(tenant.organisationId(), id, tenant.userId());
        if (revoked) {
            audit.record(tenant.organisationId(), tenant.userId(), "API_TOKEN_REVOKED", "api_token", id, token.name());
        }
        return revoked;
    }

    @Override
    @Transactional
    public Optional<ApiClient> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return tokens.usable(hash(token));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireAdmin(Tenant tenant) {
        if (!tenant.is(Role.ADMIN)) {
            throw new NotFoundException("API token");
        }
    }
}
