package org.coproduction.impact.shared.security;

import org.junit.jupiter.api.extension.ExtendWith;
import org.coproduction.impact.shared.tenancy.TestsOwnData;
import static org.assertj.core.api.Assertions.assertThat;

import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 17, case 4: when the operator names the proxy (here the test's own connection, from
 * 127.0.0.1), the client address is the one the proxy wrote, and a client further out cannot add
 * addresses of its own in front of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "app.proxy.trusted-addresses=127.0.0.1")
@ExtendWith(TestsOwnData.class)
@ActiveProfiles("test")
class ForwardedForTrustedIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNamedProxysForwardedForIsTrusted() throws Exception {
        String account = "proxied-" + TestData.suffix();
        assertThat(ClientAddress.countedFor(port, jdbc, account, "203.0.113.67")).isEqualTo("203.0.113.67");
    }

    @Test
    void onlyTheAddressTheNamedProxySawCounts() throws Exception {
        String account = "proxied-" + TestData.suffix();
        // The client wrote "198.51.100.1" itself; the proxy appended the address it really came from.
        assertThat(ClientAddress.countedFor(port, jdbc, account, "198.51.100.1, 203.0.113.68")).isEqualTo("203.0.113.68");
    }
}
