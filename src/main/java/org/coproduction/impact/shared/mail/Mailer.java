package org.coproduction.impact.shared.mail;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends email through Spring Mail when a mail server is configured ({@code spring.mail.host}).
 * Without one (the offline demo), each email is written to the log and kept in the outbox, where an
 * ADMIN of the organisation it concerns can read it, so invitations and password resets still work.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    /** An email in the outbox. The body is kept only when no mail server is configured. */
    public record Outgoing(UUID id, OffsetDateTime createdAt, String recipient, String subject, @Nullable String body, boolean sent) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final boolean logUnsent;

    Mailer(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, @Value("${app.mail.from}") String from,
            @Value("${app.mail.log-unsent:true}") boolean logUnsent) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.from = from;
        this.logUnsent = logUnsent;
    }

    public boolean hasMailServer() {
        return sender.getIfAvailable() != null;
    }

    /**
     * Sends (or, with no mail server, keeps) one email. {@code organisations} are those whose ADMINs
     * may read it in the outbox when it is not sent.
     */
    public void send(List<OrganisationId> organisations, String to, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        boolean sent = false;
        if (mail != null) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subject);
            message.setText(body);
            try {
                mail.send(message);
                sent = true;
            } catch (MailException e) {
                log.warn("Could not send an email to the mail server: {}", e.getMessage());
            }
        } else if (logUnsent) {
            // The offline demo: the issue asks for unsent emails in the log, links included. The prod
            // profile turns this off, because links in emails are secrets (STYLE: never log tokens).
            log.info("No mail server configured (spring.mail.host). Email not sent, kept in the outbox:\n"
                    + "To: {}\nSubject: {}\n\n{}", to, subject, body);
        } else {
            log.warn("No mail server configured (spring.mail.host): an email was kept in the outbox, not sent.");
        }
        List<@Nullable OrganisationId> targets =
                organisations.isEmpty() ? Collections.singletonList(null) : List.copyOf(organisations);
        for (OrganisationId org : targets) {
            jdbc.sql("""
                            insert into outbound_email (id, organisation_id, recipient, subject, body, sent)
                            values (:id, :org, :to, :subject, :body, :sent)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("org", org == null ? null : org.value())
                    .param("to", to)
                    .param("subject", subject)
                    .param("body", sent ? null : body)
                    .param("sent", sent)
                    .update();
        }
    }

    public List<Outgoing> outbox(OrganisationId organisation, int limit) {
        return jdbc.sql("""
                        select id, created_at, recipient, subject, body, sent
                        from outbound_email
                        where organisation_id = :org
                        order by created_at desc
                        limit :limit
                        """)
                .param("org", organisation.value())
                .param("limit", limit)
                .query(Outgoing.class)
                .list();
    }
}
