package org.coproduction.impact.record;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.ActivityKind;
import org.jspecify.annotations.Nullable;

/**
 * What is entered for an item. Fields that do not belong to the kind (a speaker for an activity, the
 * parts of a story for a quote) are ignored when it is saved.
 */
public record ItemDraft(
        RecordKind kind,
        String title,
        LocalDate happenedOn,
        @Nullable String setting,
        @Nullable String body,
        @Nullable ActivityKind activityKind,
        @Nullable String facilitatedBy,
        int othersCount,
        @Nullable UUID pathwayActivityId,
        List<UUID> attendeeIds,
        @Nullable Speaker speaker,
        @Nullable UUID speakerUserId,
        @Nullable String speakerName,
        @Nullable String situation,
        @Nullable String whatHappened,
        @Nullable String whatChanged,
        @Nullable String ownWords,
        List<UUID> outcomeIds,
        List<UUID> planRowIds,
        List<String> themes) {

    public ItemDraft {
        attendeeIds = List.copyOf(attendeeIds);
        outcomeIds = List.copyOf(outcomeIds);
        planRowIds = List.copyOf(planRowIds);
        themes = List.copyOf(themes);
    }

    public static ItemDraft activity(String title, LocalDate on, ActivityKind kind, @Nullable String where, @Nullable String facilitatedBy,
            List<UUID> attendees, int others, @Nullable UUID pathwayActivity, @Nullable String summary, List<UUID> outcomes,
            List<UUID> planRows, List<String> themes) {
        return new ItemDraft(RecordKind.ACTIVITY, title, on, where, summary, kind, facilitatedBy, others, pathwayActivity, attendees, null,
                null, null, null, null, null, null, outcomes, planRows, themes);
    }

    public static ItemDraft voice(RecordKind kind, String title, LocalDate on, @Nullable String setting, String words, Speaker speaker,
            @Nullable UUID speakerUserId, @Nullable String speakerName, List<UUID> outcomes, List<UUID> planRows, List<String> themes) {
        return new ItemDraft(kind, title, on, setting, words, null, null, 0, null, List.of(), speaker, speakerUserId, speakerName, null,
                null, null, null, outcomes, planRows, themes);
    }

    public static ItemDraft caseStudy(String title, LocalDate on, Speaker speaker, @Nullable UUID speakerUserId, @Nullable String speakerName,
            String situation, String whatHappened, String whatChanged, String ownWords, List<UUID> outcomes, List<UUID> planRows,
            List<String> themes) {
        return new ItemDraft(RecordKind.CASE_STUDY, title, on, null, null, null, null, 0, null, List.of(), speaker, speakerUserId,
                speakerName, situation, whatHappened, whatChanged, ownWords, outcomes, planRows, themes);
    }

    /** The same, with another title (a voice's first words when no title was given). */
    public ItemDraft withTitle(String newTitle) {
        return new ItemDraft(kind, newTitle, happenedOn, setting, body, activityKind, facilitatedBy, othersCount, pathwayActivityId, attendeeIds,
                speaker, speakerUserId, speakerName, situation, whatHappened, whatChanged, ownWords, outcomeIds, planRowIds, themes);
    }
}
