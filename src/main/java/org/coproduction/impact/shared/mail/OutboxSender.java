package org.coproduction.impact.shared.mail;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each email is taken in a transaction of its own with
 * {@code for update skip locked}, so several instances share the work and never take the same
 * email; it is marked sent in the same transaction, right after the mail server accepted it. A
 * refusal or a server that does not answer leaves it waiting, tried again after 30 seconds, then 1,
 * 2, 4 ... minutes, at most an hour apart, until it is sent: never dropped. (If the service dies in
 * the instant between the mail server's "accepted" and the commit, that one email is sent again on
 * the next try: mail servers give no way to make the two one step.)
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 50;

    private record Due(UUID id, String recipient, String subject, String body, int attempts) {}

    private enum Outcome { NOTHING_DUE, SENT, FAILED }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    OutboxSender(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> sender,
            @Value("${app.mail.from}") String from) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${app.mail.outbox-every:PT5S}", initialDelayString = "PT5S")
    void deliverDue() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail != null) {
            deliverDue(mail);
        }
    }

    /** Sends what is due, up to one batch; returns how many were sent. */
    int deliverDue(JavaMailSender mail) {
        return OrganisationScope.asTheService("the outbox holds every organisation's emails, and account emails of none",
                () -> deliverBatch(mail));
    }

    private int deliverBatch(JavaMailSender mail) {
        int sent = 0;
        for (int i = 0; i < BATCH; i++) {
            Outcome outcome = transactions.execute(status -> deliverOne(mail));
            if (outcome == null || outcome == Outcome.NOTHING_DUE) {
                break;
            }
            sent += outcome == Outcome.SENT ? 1 : 0;
        }
        return sent;
    }

    /** Takes the email due soonest, if any, and tries to send it. */
    private Outcome deliverOne(JavaMailSender mail) {
        Optional<Due> due = jdbc.sql("""
                        select id, recipient, subject, body, attempts
                        from outbound_email
                        where not sent and next_attempt_at <= now()
                        order by next_attempt_at
                        limit 1
                        for update skip locked
                        """)
                .query(Due.class)
                .optional();
        if (due.isEmpty()) {
            return Outcome.NOTHING_DUE;
        }
        Due email = due.get();
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(email.recipient());
            message.setSubject(email.subject());
            message.setText(email.body());
            mail.send(message);
        } catch (MailException e) {
            Duration wait = waitAfter(email.attempts() + 1);
            log.warn("Could not send an email (try {}), trying again in {}: {}", email.attempts() + 1, wait, e.getMessage());
            jdbc.sql("""
                            update outbound_email
                            set attempts = attempts + 1, next_attempt_at = now() + cast(:wait as interval), last_error = :error
                            where id = :id
                            """)
                    .param("id", email.id())
                    .param("wait", wait.toSeconds() + " seconds")
                    .param("error", shorten(String.valueOf(e.getMessage())))
                    .update();
            return Outcome.FAILED;
        }
        jdbc.sql("""
                        update outbound_email
                        set sent = true, sent_at = now(), attempts = attempts + 1, next_attempt_at = null, body = null,
                            last_error = null
                        where id = :id
                        """)
                .param("id", email.id())
                .update();
        return Outcome.SENT;
    }

    /** How long to wait after the {@code failures}-th failed try: 30 s, doubling, at most an hour. */
    static Duration waitAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static String shorten(String message) {
        return message.length() <= 500 ? message : message.substring(0, 500);
    }
}
