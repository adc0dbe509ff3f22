package org.coproduction.impact.form.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.coproduction.impact.form.SubmitResult;
import org.springframework.stereotype.Component;

/**
 * Counts saved responses for the operators' metrics ({@code /actuator/prometheus}, docs/deployment.md):
 * {@code coproduction_form_submissions_total{via="online"|"paper"}} for each response added, and
 * {@code coproduction_form_submissions_repeated_total} for a submission that had already been saved
 * (a double click, a resent page), which adds nothing. Counted after the service's transaction
 * committed, so a rolled-back submission is never counted.
 */
@Component
class SubmissionMetrics {

    private final Counter online;
    private final Counter paper;
    private final Counter repeated;

    SubmissionMetrics(MeterRegistry registry) {
        this.online = submissions(registry, "online");
        this.paper = submissions(registry, "paper");
        this.repeated = Counter.builder("coproduction.form.submissions.repeated")
                .description("Submissions that had already been saved (nothing added)")
                .register(registry);
    }

    private static Counter submissions(MeterRegistry registry, String via) {
        return Counter.builder("coproduction.form.submissions")
                .description("Form responses saved")
                .tag("via", via)
                .register(registry);
    }

    void online(SubmitResult.Saved saved) {
        (saved.again() ? repeated : online).increment();
    }

    void paper(SubmitResult.Saved saved) {
        (saved.again() ? repeated : paper).increment();
    }
}
