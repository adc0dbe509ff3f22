package org.coproduction.impact.shared.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's length for the operators' metrics: {@code coproduction_outbox_waiting} is the number
 * of emails not yet sent (a mail server that refuses shows as a growing number). Read from the
 * database when the metrics are scraped, so every instance reports the same, shared figure.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder("coproduction.outbox.waiting",
                        () -> jdbc.sql("select count(*) from outbound_email where not sent").query(Long.class).single())
                .description("Emails waiting in the outbox to be sent")
                .register(registry);
    }
}
