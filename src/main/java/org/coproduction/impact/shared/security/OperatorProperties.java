package org.coproduction.impact.shared.security;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform operator accounts (usernames), set by configuration, for example
 * {@code APP_OPERATOR_USERNAMES=operator}. The operator can list and suspend organisations.
 */
@ConfigurationProperties("app.operator")
public record OperatorProperties(List<String> usernames) {

    public OperatorProperties {
        usernames = usernames == null ? List.of() : List.copyOf(usernames);
    }

    public boolean isOperator(String username) {
        return usernames.stream().anyMatch(u -> u.equalsIgnoreCase(username.toLowerCase(Locale.ROOT)));
    }
}
