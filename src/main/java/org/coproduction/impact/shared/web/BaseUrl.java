package org.coproduction.impact.shared.web;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The address the service's links start with: links in emails, on printed invitations, posters and
 * QR codes. It is {@code app.base-url} ({@code APP_BASE_URL}) when set. Without it (running on a
 * laptop), it is {@code http://localhost:} and the port the service actually listens on, learnt when
 * the web server has started, so {@code --server.port}, {@code PORT} and a random port all give
 * links that work. The {@code prod} profile requires the setting and refuses to start without it:
 * a guessed address on a printed poster leads nowhere.
 */
@Component
public class BaseUrl implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(BaseUrl.class);

    private final @Nullable String configured;
    private volatile String derived;

    public BaseUrl(@Value("${app.base-url:}") String configured, Environment environment) {
        String given = configured.strip();
        while (given.endsWith("/")) {
            given = given.substring(0, given.length() - 1);
        }
        this.configured = given.isEmpty() ? null : given;
        if (this.configured == null && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Set APP_BASE_URL (app.base-url) to the address people use to reach the service, "
                    + "such as https://impact.example.org. Links in emails, on posters and in QR codes start with it, "
                    + "and the prod profile will not guess it.");
        }
        this.derived = "http://localhost:" + environment.getProperty("server.port", "8080");
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // The management server, when it has a port of its own, has a namespace; people never use it.
        if (configured == null && event.getApplicationContext().getServerNamespace() == null) {
            derived = "http://localhost:" + event.getWebServer().getPort();
            log.info("Links in emails, on posters and in QR codes start with {} (set APP_BASE_URL to change it)", derived);
        }
    }

    /** The address links start with, without a slash at the end. */
    public String value() {
        return configured != null ? configured : derived;
    }

    /** The address set in the configuration, if any. */
    public Optional<String> configured() {
        return Optional.ofNullable(configured);
    }

    /**
     * Whether an address someone is using (scheme, host and port, as their browser sent them) is
     * the one links start with. Compared without case and with default ports made explicit.
     */
    public boolean matches(String origin) {
        return origin(value()).equals(origin(origin));
    }

    static String origin(String address) {
        try {
            URI uri = URI.create(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + host + ":" + port;
        } catch (IllegalArgumentException e) {
            return address;
        }
    }
}
