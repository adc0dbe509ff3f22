package org.coproduction.impact.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.ActivityKind;
import org.jspecify.annotations.Nullable;

/**
 * One recorded item of evidence: an activity, something people said or wrote, a photo or a case
 * study, with its tags, attendance (activities) and the consents given for it.
 */
public record RecordedItem(
        UUID id,
        UUID projectId,
        RecordKind kind,
        String title,
        LocalDate happenedOn,
        @Nullable String setting,
        @Nullable String body,
        @Nullable ActivityKind activityKind,
        @Nullable String facilitatedBy,
        int othersCount,
        @Nullable UUID pathwayActivityId,
        @Nullable Speaker speaker,
        @Nullable UUID speakerUserId,
        @Nullable String speakerName,
        @Nullable String situation,
        @Nullable String whatHappened,
        @Nullable String whatChanged,
        @Nullable String ownWords,
        boolean contributedByMember,
        @Nullable OffsetDateTime publishedAt,
        int version,
        OffsetDateTime createdAt,
        @Nullable UUID createdBy,
        @Nullable String createdByName,
        boolean archived,
        Set<UUID> outcomeIds,
        Set<UUID> planRowIds,
        List<String> themes,
        List<Attendee> attendees,
        List<Consent> consents,
        List<UUID> mediaIds,
        boolean hasPhoto) {

    public RecordedItem {
        outcomeIds = Set.copyOf(outcomeIds);
        planRowIds = Set.copyOf(planRowIds);
        themes = List.copyOf(themes);
        attendees = List.copyOf(attendees);
        consents = List.copyOf(consents);
        mediaIds = List.copyOf(mediaIds);
    }

    /** A named person who took part in an activity. */
    public record Attendee(UUID userId, String name) {}

    public boolean published() {
        return publishedAt != null;
    }

    /**
     * Whether it shows or quotes a person, so each use needs their consent. A photo always may; words
     * from someone named do; an anonymous comment with no photo, and an activity's figures with no
     * photo, show no one (the attendance list is an internal record, never reported by name).
     */
    public boolean showsAPerson() {
        if (hasPhoto || kind == RecordKind.PHOTO) {
            return true;
        }
        return kind != RecordKind.ACTIVITY && speaker != Speaker.ANONYMOUS;
    }

    /**
     * The uses everyone who gave consent for this item agrees to today. A photo or a group's words
     * can show several people: a use is allowed only if each of them has consent in force for it (not
     * withdrawn, not expired), so one person's "public" never covers another's "only inside the
     * organisation". A person's own consents add up (consent given again later widens it), and a
     * person whose consent was withdrawn or ran out is still counted, with no uses, so withdrawing
     * stops every use at once. People are told apart by the name consent was given under.
     */
    public Set<ConsentUse> consentedUses(LocalDate today) {
        Map<String, Set<ConsentUse>> byPerson = new HashMap<>();
        for (Consent c : consents) {
            Set<ConsentUse> theirs = byPerson.computeIfAbsent(c.givenBy().strip().toLowerCase(Locale.ROOT), k -> EnumSet.noneOf(ConsentUse.class));
            if (c.inForce(today)) {
                theirs.addAll(c.uses());
            }
        }
        if (byPerson.isEmpty()) {
            return EnumSet.noneOf(ConsentUse.class);
        }
        Set<ConsentUse> uses = EnumSet.allOf(ConsentUse.class);
        byPerson.values().forEach(uses::retainAll);
        return uses;
    }

    /** Who said it, as shown: the member's or named person's name, or null when anonymous. */
    public @Nullable String saidBy() {
        return speaker == Speaker.ANONYMOUS ? null : speakerName;
    }

    /** Everyone taking part: the named people and the others counted. */
    public int peopleTakingPart() {
        return attendees.size() + othersCount;
    }
}
