package org.coproduction.impact.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link Retention} once a day, at night (03:17 by default, {@code app.retention.cron}). Off
 * in tests ({@code app.retention.enabled=false}), which run the clean-up themselves.
 */
@Component
@ConditionalOnProperty(name = "app.retention.enabled", havingValue = "true", matchIfMissing = true)
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${app.retention.cron:0 17 3 * * *}")
    void daily() {
        try {
            int cleaned = retention.runAll();
            log.info("Retention: cleaned the data of {} organisations", cleaned);
        } catch (RuntimeException e) {
            // Tomorrow's run tries again; each organisation's clean-up is all or nothing.
            log.warn("Retention run failed: {}", e.getMessage(), e);
        }
    }
}
