package org.coproduction.impact.involvement;

import java.time.OffsetDateTime;
import java.util.Map;
import org.coproduction.impact.form.AboutYou;
import org.jspecify.annotations.Nullable;

/**
 * The census figures for the organisation's area, as the ADMIN imported them: people in each group
 * of each part. A part may be missing (the census has no figures for services drawn on).
 */
public record LocalProfile(String areaName, @Nullable String source, OffsetDateTime importedAt, Map<AboutYou, Map<String, Long>> people) {

    public boolean has(AboutYou part) {
        return people.containsKey(part) && total(part) > 0;
    }

    public long people(AboutYou part, String group) {
        return people.getOrDefault(part, Map.of()).getOrDefault(group, 0L);
    }

    public long total(AboutYou part) {
        return people.getOrDefault(part, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }
}
