package org.coproduction.impact.involvement;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One person's access needs: what they need, the times they cannot make and anything else, in
 * their own words; who set them (the person, or a facilitator with them) and when.
 */
public record AccessNeeds(
        UUID userId,
        String name,
        Set<AccessNeed> needs,
        @Nullable String timesCannotMake,
        @Nullable String anythingElse,
        @Nullable UUID setBy,
        @Nullable String setByName,
        @Nullable OffsetDateTime setAt) {

    public AccessNeeds {
        needs = needs.isEmpty() ? EnumSet.noneOf(AccessNeed.class) : EnumSet.copyOf(needs);
    }

    /** Nothing recorded yet. */
    static AccessNeeds none(UUID userId, String name) {
        return new AccessNeeds(userId, name, Set.of(), null, null, null, null, null);
    }

    public boolean has(AccessNeed need) {
        return needs.contains(need);
    }

    public boolean recorded() {
        return setAt != null;
    }

    public boolean empty() {
        return needs.isEmpty() && timesCannotMake == null && anythingElse == null;
    }

    /** Set by the person themself (not by someone with them). */
    public boolean setByThemself() {
        return setBy != null && setBy.equals(userId);
    }

    /** What is typed in or chosen. */
    public record Draft(Set<AccessNeed> needs, @Nullable String timesCannotMake, @Nullable String anythingElse) {}

    /** Longest "times I cannot make" and "anything else". */
    public static final int TIMES = 500;
    public static final int ELSE = 1000;
}
