package org.coproduction.impact.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

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
}
