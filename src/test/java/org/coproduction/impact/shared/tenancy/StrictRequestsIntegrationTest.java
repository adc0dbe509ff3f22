package org.coproduction.impact.shared.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.SessionRepository;

/**
 * Every request is held strictly (issue #15, the second wall): a connection taken while a request is
 * handled, with no organisation named and no reason given, is refused rather than left to read every
 * organisation's rows. The whole suite runs through this filter, so each page and each piece of
 * sign-in shows it names its organisation or its reason; here, what the filter itself promises.
 */
@IntegrationTest
class StrictRequestsIntegrationTest {

    @Autowired
    StrictRequests filter;

    @Autowired
    DataSource dataSource;

    @Autowired
    SessionRepository<?> sessions;

    @Autowired
    TestData data;

    @Test
    void aConnectionTakenInARequestWithNoOrganisationNamedAndNoReasonIsRefused() {
        assertThatThrownBy(() -> handle(() -> connect()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no organisation named and no reason given");
    }

    @Test
    void aConnectionForOneOrganisationOrForTheServicesNamedWorkIsTaken() {
        OrganisationId organisation = data.organisation("Strict requests " + java.util.UUID.randomUUID());
        assertThatCode(() -> handle(() -> {
            OrganisationScope.within(organisation, this::connectQuietly);
            OrganisationScope.asTheService("a test of named work", this::connectQuietly);
        })).doesNotThrowAnyException();
    }

    @Test
    void theAccessCheckNamingThePagesOrganisationLetsTheRestOfTheRequestConnect() {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        handle(() -> {
            OrganisationScope.set(OrganisationScope.NONE);
            try {
                connect();
            } catch (RuntimeException | SQLException e) {
                failed.set(e);
            }
        });
        assertThat(failed.get()).isNull();
    }

    @Test
    void theThreadIsLetGoWhenTheRequestEndsEvenAfterARefusal() throws SQLException {
        assertThatThrownBy(() -> handle(() -> connect())).isInstanceOf(IllegalStateException.class);
        // The server's thread goes back to its pool; the next work on it (not a request) is not held.
        assertThat(OrganisationScope.unnamedWhileStrict()).isFalse();
        connect();
    }

    @Test
    void sessionsAreKeptAsTheServicesOwnWorkBeforeAnyoneIsKnown() {
        assertThatCode(() -> handle(() -> {
            var session = sessions.createSession();
            save(sessions, session);
            sessions.findById(session.getId());
            sessions.deleteById(session.getId());
        })).doesNotThrowAnyException();
    }

    @SuppressWarnings("unchecked")
    private static <S extends org.springframework.session.Session> void save(SessionRepository<S> repository, Object session) {
        repository.save((S) session);
    }

    /** Work a request does, as the filter would pass it on. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private void handle(Work work) {
        FilterChain chain = (request, response) -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        try {
            filter.doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), chain);
        } catch (RuntimeException e) {
            throw rootOf(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException rootOf(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException ise && ise.getMessage() != null
                && ise.getMessage().contains("no organisation named"))) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException r ? r : e;
    }

    private void connect() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    private Void connectQuietly() {
        try {
            connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }
}
