package org.coproduction.impact.plan;

import static org.coproduction.impact.evidence.EvidenceType.PEOPLES_RATINGS;
import static org.coproduction.impact.evidence.EvidenceType.PEOPLES_VOICES;
import static org.coproduction.impact.evidence.EvidenceType.PROGRESS_REPORTS;
import static org.coproduction.impact.evidence.EvidenceType.QUANTITATIVE;
import static org.coproduction.impact.evidence.EvidenceType.TASKS_COMPLETED;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.plan.Suggestion.Theme;

/**
 * Built-in suggestions for plan rows. The first ones follow the real-life examples in SCIE's guidance
 * on developing a co-production impact framework (improving co-production: a more diverse group, a
 * steering group; developing skills and raising awareness: staff understanding and confidence before
 * and after training). The rest, in the same spirit, cover the benefits SCIE's 2022 briefing found
 * for people who draw on services, staff, organisations and communities.
 */
public final class SuggestionLibrary {

    public static final List<Suggestion> ALL = List.of(
            // SCIE's real-life examples: improving co-production.
            s("diversity-views", Theme.IMPROVING_COPRODUCTION, PEOPLES_VOICES,
                    List.of("group-discussion", "individual-discussion", "surveys", "feedback-forms", "discussion-forums", "informal-comments"),
                    "divers", "represent", "reflect", "community", "seldom", "inclusi", "welcom"),
            s("diversity-numbers", Theme.IMPROVING_COPRODUCTION, QUANTITATIVE,
                    List.of("existing-data", "administrative-data", "internal-records", "audit-results", "surveys", "feedback-forms"),
                    "divers", "represent", "reflect", "community", "seldom", "locality", "population"),
            s("steering-group-formed", Theme.IMPROVING_COPRODUCTION, TASKS_COMPLETED,
                    List.of("task-completed", "meeting-minutes"),
                    "steering", "board", "formed", "set up", "terms of reference"),
            s("steering-group-activities", Theme.IMPROVING_COPRODUCTION, QUANTITATIVE,
                    List.of("administrative-data", "internal-records", "feedback-forms"),
                    "steering", "board", "run activities", "runs activities", "leads"),
            // SCIE's real-life examples: developing skills and raising awareness.
            s("staff-ratings", Theme.SKILLS_AND_AWARENESS, PEOPLES_RATINGS,
                    List.of("surveys", "feedback-forms"),
                    "staff", "understand", "confiden", "training", "skill", "aware"),
            s("staff-views", Theme.SKILLS_AND_AWARENESS, PEOPLES_VOICES,
                    List.of("group-discussion", "individual-discussion", "surveys", "feedback-forms", "informal-comments"),
                    "staff", "understand", "confiden", "training", "skill", "aware"),
            s("members-learning", Theme.SKILLS_AND_AWARENESS, PEOPLES_RATINGS,
                    List.of("feedback-forms", "surveys"),
                    "learn", "skill", "knowledge", "training"),
            // Benefits for people who draw on services.
            s("people-confidence", Theme.PEOPLE, PEOPLES_RATINGS,
                    List.of("feedback-forms", "surveys"),
                    "confiden", "speak up", "valued", "listened", "esteem", "empower"),
            s("people-wellbeing", Theme.PEOPLE, PEOPLES_VOICES,
                    List.of("individual-discussion", "group-discussion", "informal-comments"),
                    "wellbeing", "well-being", "friends", "health", "happy", "good time"),
            s("people-use-service", Theme.PEOPLE, QUANTITATIVE,
                    List.of("administrative-data", "surveys", "feedback-forms"),
                    "more people", "use the", "using", "uptake", "satisf", "needs", "visit"),
            s("people-trust", Theme.PEOPLE, PEOPLES_VOICES,
                    List.of("group-discussion", "surveys", "live-feedback"),
                    "trust", "decision", "decide", "voice", "involved", "listened"),
            // Benefits for staff.
            s("staff-practice", Theme.STAFF, PEOPLES_VOICES,
                    List.of("individual-discussion", "surveys", "group-discussion"),
                    "staff", "practice", "job", "motivat", "satisf"),
            s("staff-recruitment", Theme.STAFF, TASKS_COMPLETED,
                    List.of("action-trackers", "internal-records", "meeting-minutes"),
                    "recruit", "interview", "panel", "choose staff", "hiring"),
            // Benefits for organisations.
            s("decisions-in-plans", Theme.ORGANISATION, TASKS_COMPLETED,
                    List.of("meeting-minutes", "action-trackers"),
                    "decision", "service plan", "policy", "design", "decide"),
            s("service-changes", Theme.ORGANISATION, PROGRESS_REPORTS,
                    List.of("progress-reviews"),
                    "service", "deliver", "organisation", "timetable", "reflect what", "asked for"),
            // Benefits for communities.
            s("community-awareness", Theme.COMMUNITY, QUANTITATIVE,
                    List.of("administrative-data", "surveys", "feedback-forms"),
                    "local", "know about", "aware", "hear", "community", "enquir"),
            s("community-materials", Theme.COMMUNITY, PEOPLES_VOICES,
                    List.of("surveys", "group-discussion", "feedback-forms"),
                    "information", "leaflet", "easy-read", "easy read", "materials", "understand"));

    private SuggestionLibrary() {}

    private static Suggestion s(String key, Theme theme, EvidenceType type, List<String> ways, String... keywords) {
        return new Suggestion(key, theme, type, ways, List.of(keywords));
    }

    public static Optional<Suggestion> find(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** A suggestion and how closely it matches an outcome (0: not at all). */
    public record Ranked(Suggestion suggestion, int score) {}

    /**
     * Every suggestion, the closest to the outcome's words first (by how many of its keywords the
     * outcome mentions), then the rest in the library's order.
     */
    public static List<Ranked> rank(String outcomeTitle) {
        String words = outcomeTitle.toLowerCase(Locale.ROOT);
        List<Ranked> ranked = IntStream.range(0, ALL.size())
                .mapToObj(i -> new Ranked(ALL.get(i), score(ALL.get(i), words)))
                .toList();
        return ranked.stream()
                .sorted(Comparator.comparingInt(Ranked::score).reversed().thenComparingInt(r -> ALL.indexOf(r.suggestion())))
                .toList();
    }

    private static int score(Suggestion s, String words) {
        return (int) s.keywords().stream().filter(words::contains).count();
    }

    /** Every message key the library uses (for the message bundle's checks). */
    public static List<String> messageKeys() {
        return ALL.stream().flatMap(s -> s.messageKeys().stream()).toList();
    }

    /** Every theme's message key. */
    public static List<String> themeKeys() {
        return Stream.of(Theme.values()).map(Theme::messageKey).toList();
    }
}
