package org.coproduction.impact.shared.security;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which address a request comes from. Rate limits and sign-in delays count per address, so a client
 * must not be able to choose its own.
 *
 * <p>By default the address is the one the connection came from, and {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are ignored: anyone can write them. Behind a reverse proxy or load
 * balancer, the operator names the proxies' own addresses in {@code app.proxy.trusted-addresses}
 * ({@code APP_PROXY_TRUSTED_ADDRESSES}, comma-separated exact addresses); only a request whose
 * connection comes from one of them has its client address and scheme taken from those headers
 * (Tomcat's {@link RemoteIpValve}, right-most untrusted address). Before, Spring Boot's
 * {@code server.forward-headers-strategy: native} trusted every private and loopback address, so
 * anything on the same network could pose as any client (issue 17).
 */
@Configuration
class TrustedProxies {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxiesOnly(
            @Value("${app.proxy.trusted-addresses:}") List<String> trusted) {
        List<String> proxies = trusted.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return factory -> {
            if (proxies.isEmpty()) {
                log.info("No trusted proxies named (app.proxy.trusted-addresses): X-Forwarded-For is ignored");
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            valve.setInternalProxies(regex(proxies));
            valve.setTrustedProxies(null);
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            valve.setHostHeader("X-Forwarded-Host");
            valve.setPortHeader("X-Forwarded-Port");
            factory.addEngineValves(valve);
            log.info("X-Forwarded-For is trusted only from {}", String.join(", ", proxies));
        };
    }

    /** Exact addresses, as the one pattern the valve takes. */
    static String regex(List<String> addresses) {
        return addresses.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }
}
