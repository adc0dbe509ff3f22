package org.coproduction.impact.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * How sessions are written to PostgreSQL (Spring Session JDBC).
 *
 * <p>Two requests of one session at the same moment (a double click, two tabs) each load the session
 * without an attribute, set it (a one-time success message, say) and save. Spring Session saves a new
 * attribute with a plain {@code insert}, so the second save hit the primary key of
 * {@code spring_session_attributes} and the request answered 500 although its work was done (issue
 * 17). Spring Session's own PostgreSQL customizer makes that insert an upsert
 * ({@code on conflict (session_primary_id, attribute_name) do update}), so the later save wins, as it
 * would for an attribute both requests changed.
 */
@Configuration
class SessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Clears out expired sessions every ten minutes. Spring Session would do it on a scheduler of its
     * own, calling its store directly, so the connection named no organisation and gave no reason
     * (issue 15); its own clearing out is off ({@code spring.session.jdbc.cleanup-cron: "-"}) and this
     * job runs on the service's scheduler, held strictly, through the store as every request sees it,
     * which names the work ({@code ServiceWork.Sessions}).
     */
    @Component
    static class ExpiredSessions {

        private final JdbcIndexedSessionRepository sessions;

        ExpiredSessions(JdbcIndexedSessionRepository sessions) {
            this.sessions = sessions;
        }

        @Scheduled(cron = "${app.sessions.cleanup-cron:0 */10 * * * *}")
        void clearOut() {
            sessions.cleanUpExpiredSessions();
        }
    }
}
