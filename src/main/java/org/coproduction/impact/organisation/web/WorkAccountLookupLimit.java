package org.coproduction.impact.organisation.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A rate limit on the work-account domain lookup ("which organisation signs in with this email's
 * domain?"), per client address, as a token bucket in memory (bucket4j, as the API's limit per
 * token). Without it anyone could try domain after domain to learn which organisations use the
 * service. {@code app.sso.limits.lookups-per-minute} lookups a minute from one address (default 30:
 * generous, because a whole council office may share one address and each person looks up once),
 * the whole allowance coming back each minute (so a slow burst is counted the same as a fast one).
 */
@Component
class WorkAccountLookupLimit {

    /** Buckets not used for this long are forgotten (they would be full again anyway). */
    private static final Duration IDLE = Duration.ofMinutes(15);

    /** A ceiling on remembered buckets, so a flood of made-up addresses cannot fill the memory. */
    private static final int MAX_BUCKETS = 100_000;

    private record Entry(Bucket bucket, Instant[] lastUsed) {}

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    WorkAccountLookupLimit(@Value("${app.sso.limits.lookups-per-minute:30}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Empty when this address may look up a domain now; otherwise the seconds to wait. */
    Optional<Long> take(String address) {
        if (buckets.size() >= MAX_BUCKETS) {
            forgetIdle();
        }
        Entry entry = buckets.computeIfAbsent(address, a -> new Entry(
                Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
                        .build(),
                new Instant[] {Instant.now()}));
        entry.lastUsed()[0] = Instant.now();
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    @Scheduled(fixedDelayString = "PT5M")
    void forgetIdle() {
        Instant cutoff = Instant.now().minus(IDLE);
        buckets.entrySet().removeIf(e -> e.getValue().lastUsed()[0].isBefore(cutoff));
    }
}
