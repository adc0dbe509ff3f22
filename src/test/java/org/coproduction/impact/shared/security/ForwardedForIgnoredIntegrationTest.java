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

/** Issue 17, case 4: with no proxy named, a client cannot choose its own address by writing X-Forwarded-For. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestsOwnData.class)
@ActiveProfiles("test")
class ForwardedForIgnoredIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aForgedForwardedForIsNotTrustedByDefault() throws Exception {
        String account = "spoof-" + TestData.suffix();
        assertThat(ClientAddress.countedFor(port, jdbc, account, "203.0.113.66")).isEqualTo("127.0.0.1");
    }
}
