package org.coproduction.impact.pathway;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.shared.web.OwnWords;
import org.jspecify.annotations.Nullable;

/**
 * A co-production initiative: who takes part, who facilitates, and when it runs.
 *
 * <p>{@code name} and {@code summary} are the words to show on the page being made: the second ones
 * ({@link OwnWords}) on a page in the organisation's second language where it gave them, its main
 * words otherwise. {@code words} holds both as written, for the project form and the API.
 */
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
        List<Member> members,
        Words words) {

    public Project {
        members = List.copyOf(members);
    }

    /** A project as the organisation wrote it, shown in the current language. */
    public static Project shown(UUID id, Words words, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
            @Nullable String groupsInvolved, @Nullable UUID facilitatorId, @Nullable String facilitatorName,
            boolean commentsOpen, int version, List<Member> members) {
        boolean second = OwnWords.secondOnThisPage();
        String name = second && words.nameCy() != null ? words.nameCy() : words.name();
        String summary = second && words.summaryCy() != null ? words.summaryCy() : words.summary();
        return new Project(id, name, summary, startsOn, endsOn, groupsInvolved, facilitatorId, facilitatorName,
                commentsOpen, version, members, words);
    }

    /**
     * The language ("en" or "cy") {@code name} is in: the second language where the second name is
     * shown, the organisation's main language otherwise, so a Welsh page can mark an English name
     * {@code lang="en"}. A project made outside a request (no page language) is in English.
     */
    public String nameLang() {
        return OwnWords.of(OwnWords.secondOnThisPage() && words.nameCy() != null && name.equals(words.nameCy()));
    }

    /** The language {@code summary} is in, as {@link #nameLang}. */
    public String summaryLang() {
        return OwnWords.of(OwnWords.secondOnThisPage() && words.summaryCy() != null && words.summaryCy().equals(summary));
    }

    /**
     * The project's name and summary in the organisation's main language and, if given, in its second
     * ({@link OwnWords}: Welsh for an organisation writing in English, English for one writing in Welsh).
     */
    public record Words(String name, @Nullable String summary, @Nullable String nameCy, @Nullable String summaryCy) {

        public static Words of(String name, @Nullable String summary) {
            return new Words(name, summary, null, null);
        }
    }

    /** Someone from the organisation taking part in the project. */
    public record Member(UUID userId, String name) {}

    /** The project's people, each once: its facilitator first, then its members. */
    public List<Member> people() {
        List<Member> people = new java.util.ArrayList<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        if (facilitatorId != null && facilitatorName != null) {
            people.add(new Member(facilitatorId, facilitatorName));
            seen.add(facilitatorId);
        }
        for (Member m : members) {
            if (seen.add(m.userId())) {
                people.add(m);
            }
        }
        return people;
    }

    public boolean involves(UUID userId) {
        return userId.equals(facilitatorId) || members.stream().anyMatch(m -> m.userId().equals(userId));
    }
}
