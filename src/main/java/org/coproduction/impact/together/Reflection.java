package org.coproduction.impact.together;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.jspecify.annotations.Nullable;

/**
 * One person's reflection on a project. {@code uses} are those of the consent in force (empty when
 * none was given or it was withdrawn), so every reader applies consent at the moment it is shown.
 * {@code voiceMediaId} is the writer's recording, if they spoke it (a file of the media module).
 */
public record Reflection(
        UUID id,
        UUID projectId,
        @Nullable UUID activityId,
        @Nullable Face face,
        @Nullable String wentWell,
        @Nullable String notWell,
        @Nullable String wouldChange,
        LocalDate happenedOn,
        boolean byMember,
        UUID writtenBy,
        String writerName,
        Set<UUID> outcomeIds,
        List<String> themes,
        Set<ConsentUse> uses,
        int version,
        OffsetDateTime createdAt,
        boolean archived,
        @Nullable UUID voiceMediaId) {

    public Reflection {
        outcomeIds = Set.copyOf(outcomeIds);
        themes = List.copyOf(themes);
        uses = Set.copyOf(uses);
    }

    public boolean writtenBy(UUID userId) {
        return writtenBy.equals(userId);
    }

    public boolean spoken() {
        return voiceMediaId != null;
    }

    public boolean mayBeUsedFor(ConsentUse use) {
        return uses.contains(use);
    }

    /** A short title for lists and evidence: the first words the writer gave. */
    public String title() {
        for (String s : new String[] {wentWell, notWell, wouldChange}) {
            if (s != null && !s.isBlank()) {
                String t = s.strip().replaceAll("\\s+", " ");
                return t.length() <= 80 ? t : t.substring(0, 79).strip() + "…";
            }
        }
        return "";
    }
}
