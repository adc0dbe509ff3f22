package org.coproduction.impact.pathway;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A co-production initiative: who takes part, who facilitates, and when it runs. */
public record Project(
        UUID id,
        String name,
        @Nullable String summary,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn,
        @Nullable String groupsInvolved,
        @Nullable UUID facilitatorId,
        @Nullable String facilitatorName,
        boolean commentsOpen,
        int version,
        List<Member> members) {

    public Project {
        members = List.copyOf(members);
    }

    /** Someone from the organisation taking part in the project. */
    public record Member(UUID userId, String name) {}

    public boolean involves(UUID userId) {
        return userId.equals(facilitatorId) || members.stream().anyMatch(m -> m.userId().equals(userId));
    }
}
