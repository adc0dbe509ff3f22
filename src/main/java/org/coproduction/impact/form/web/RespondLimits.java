package org.coproduction.impact.form.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits on the public answering pages, kept in memory (token buckets, bucket4j). They are
 * generous on purpose: a whole room may share one Wi-Fi address, and a person who is turned away
 * is told in plain words to wait a minute; there is never a CAPTCHA, which would shut out many of
 * the people the service is for.
 *
 * <ul>
 *   <li>per form and address: {@code app.forms.limits.per-address} POSTs a minute (starts, pages,
 *       submissions; default 120: a room of 30 people answering a page every 15 seconds);
 *   <li>per form: {@code app.forms.limits.submissions-per-form} submissions a minute from all
 *       addresses together (default 300);
 *   <li>kiosk PIN: {@code app.forms.limits.pin-attempts} wrong tries per form and address in 10
 *       minutes (default 5).
 * </ul>
 */
@Component
class RespondLimits {

    /** Buckets not used for this long are forgotten (they would be full again anyway). */
    private static final Duration IDLE = Duration.ofMinutes(15);

    /** A ceiling on remembered buckets, so a flood of made-up addresses cannot fill the memory. */
    private static final int MAX_BUCKETS = 200_000;

    private record Entry(Bucket bucket, Instant[] lastUsed) {}

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final int perAddress;
    private final int submissionsPerForm;
    private final int pinAttempts;

    RespondLimits(
            @Value("${app.forms.limits.per-address:120}") int perAddress,
            @Value("${app.forms.limits.submissions-per-form:300}") int submissionsPerForm,
            @Value("${app.forms.limits.pin-attempts:5}") int pinAttempts) {
        this.perAddress = perAddress;
        this.submissionsPerForm = submissionsPerForm;
        this.pinAttempts = pinAttempts;
    }

    /** One POST (a start, a page, a submission) from this address to this form; false when over the limit. */
    boolean post(UUID formId, String address) {
        return take("a|" + formId + "|" + address, perAddress, Duration.ofMinutes(1));
    }

    /** One submission of this form, from anywhere; false when over the limit. */
    boolean submission(UUID formId) {
        return take("s|" + formId, submissionsPerForm, Duration.ofMinutes(1));
    }

    /** Whether another kiosk PIN may be tried from this address (does not use one up). */
    boolean pinAllowed(UUID formId, String address) {
        return entry("p|" + formId + "|" + address, pinAttempts, Duration.ofMinutes(10)).bucket().getAvailableTokens() > 0;
    }

    /** A wrong kiosk PIN was entered. */
    void wrongPin(UUID formId, String address) {
        take("p|" + formId + "|" + address, pinAttempts, Duration.ofMinutes(10));
    }

    private boolean take(String key, int capacity, Duration period) {
        Entry entry = entry(key, capacity, period);
        entry.lastUsed()[0] = Instant.now();
        return entry.bucket().tryConsume(1);
    }

    private Entry entry(String key, int capacity, Duration period) {
        if (buckets.size() >= MAX_BUCKETS) {
            forgetIdle();
        }
        return buckets.computeIfAbsent(key, k -> new Entry(
                Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build()).build(),
                new Instant[] {Instant.now()}));
    }

    @Scheduled(fixedDelayString = "PT5M")
    void forgetIdle() {
        Instant cutoff = Instant.now().minus(IDLE);
        buckets.entrySet().removeIf(e -> e.getValue().lastUsed()[0].isBefore(cutoff));
    }
}
