package org.coproduction.impact.shared.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Outgoing email, through an outbox: {@link #send} writes the email to {@code outbound_email} in
 * the caller's transaction, and {@link OutboxSender} delivers it through Spring Mail when a mail
 * server is configured ({@code spring.mail.host}), retrying with growing delays while the server is
 * down. So an email is sent only if what caused it was committed, and is not lost when the mail
 * server is. Without a mail server (the offline demo) each email is written to the log and kept,
 * where an ADMIN of the organisation it concerns can read it, so invitations and password resets
 * still work.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    /** An email in the outbox. The body is kept until it is sent, then forgotten (links in it are secrets). */
    public record Outgoing(
            UUID id,
            OffsetDateTime createdAt,
            String recipient,
            String subject,
            @Nullable String body,
            boolean sent,
            int attempts,
            @Nullable OffsetDateTime nextAttemptAt,
            @Nullable String lastError) {

        /** Waiting for the mail server: tried, or about to be. */
        public boolean waiting() {
            return !sent && nextAttemptAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final boolean logUnsent;

    Mailer(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, @Value("${app.mail.log-unsent:true}") boolean logUnsent) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.logUnsent = logUnsent;
    }

    public boolean hasMailServer() {
        return sender.getIfAvailable() != null;
    }

    /**
     * Puts one email in the outbox, to be sent once the caller's transaction commits (or, with no
     * mail server, kept). {@code organisations} are those whose ADMINs may read it in the outbox.
     */
    public void send(List<OrganisationId> organisations, String to, String subject, String body) {
        boolean deliver = hasMailServer();
        if (!deliver && logUnsent) {
            // The offline demo: the issue asks for unsent emails in the log, links included. The prod
            // profile turns this off, because links in emails are secrets (STYLE: never log tokens).
            log.info("No mail server configured (spring.mail.host). Email not sent, kept in the outbox:\n"
                    + "To: {}\nSubject: {}\n\n{}", to, subject, body);
        } else if (!deliver) {
            log.warn("No mail server configured (spring.mail.host): an email was kept in the outbox, not sent.");
        }
        UUID[] ids = organisations.stream().map(OrganisationId::value).distinct().toArray(UUID[]::new);
        jdbc.sql("""
                        insert into outbound_email
                            (id, organisation_id, organisation_ids, recipient, subject, body, sent, next_attempt_at)
                        values (:id, :first, :orgs, :to, :subject, :body, false, case when :deliver then now() end)
                        """)
                .param("id", UUID.randomUUID())
                .param("first", ids.length == 0 ? null : ids[0])
                .param("orgs", ids)
                .param("to", to)
                .param("subject", subject)
                .param("body", body)
                .param("deliver", deliver)
                .update();
    }

    public List<Outgoing> outbox(OrganisationId organisation, int limit) {
        return jdbc.sql("""
                        select id, created_at, recipient, subject, body, sent, attempts, next_attempt_at, last_error
                        from outbound_email
                        where organisation_ids @> array[cast(:org as uuid)]
                        order by created_at desc
                        limit :limit
                        """)
                .param("org", organisation.value())
                .param("limit", limit)
                .query(Outgoing.class)
                .list();
    }
}
