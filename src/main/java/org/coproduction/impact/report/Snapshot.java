package org.coproduction.impact.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.shared.web.Languages;
import org.coproduction.impact.shared.web.OwnWords;
import org.jspecify.annotations.Nullable;

/**
 * A report as published: the figures, judgements and wording frozen at that moment (stored as JSON,
 * never changed). Items are kept with what they said then, plus their source and id, so those showing
 * a person can be checked for consent again whenever the report is shown ({@link #keeping}).
 *
 * @param titleCy the title in the organisation's second language, if given (likewise {@code projectCy}
 *     and {@code wordsCy}; see {@code OwnWords})
 * @param wordsIn the language ("en" or "cy") its main words were written in when it was published; null
 *     for reports published before it was kept ({@link #mainLanguage})
 */
public record Snapshot(
        ReportKind kind,
        String title,
        ConsentUse audience,
        String organisation,
        String project,
        String round,
        LocalDate reviewOn,
        @Nullable LocalDate periodFrom,
        @Nullable String problem,
        @Nullable String projectImpact,
        @Nullable String coproductionImpact,
        @Nullable String diagram,
        ReportWords words,
        List<OutcomePart> outcomes,
        List<Item> stories,
        List<String> suggestions,
        List<Contribution> contributions,
        @Nullable String titleCy,
        @Nullable String projectCy,
        @Nullable ReportWords wordsCy,
        @Nullable String wordsIn) {

    public Snapshot {
        outcomes = List.copyOf(outcomes);
        stories = List.copyOf(stories);
        suggestions = List.copyOf(suggestions);
        contributions = List.copyOf(contributions);
    }

    /**
     * One outcome in the report: its judgement (null when none was recorded), the members' views in
     * numbers, and the evidence summary in words, with the items behind it.
     */
    public record OutcomePart(UUID outcomeId, String title, @Nullable Judgement judgement, @Nullable String reasons,
            @Nullable String nextSteps, int yes, int aBit, int notYet, List<String> figures, List<Item> items) {

        public OutcomePart {
            figures = List.copyOf(figures);
            items = List.copyOf(items);
        }

        public int views() {
            return yes + aBit + notYet;
        }

        /** The members' views in words: how many gave one and what they said, or plainly that nobody did. */
        public String viewsInWords() {
            return views() == 0
                    ? org.coproduction.impact.shared.web.Ui.t("report.views.none")
                    : org.coproduction.impact.shared.web.Ui.t("report.views.count", views(), yes, aBit, notYet);
        }
    }

    /** An item of evidence as it was when published; {@code showsAPerson} ones are checked for consent on every view. */
    public record Item(String source, UUID id, String kindKey, String title, LocalDate date, boolean showsAPerson,
            @Nullable List<Picture> pictures) {

        public Item {
            // Reports published before photos were kept have none.
            pictures = pictures == null ? List.of() : List.copyOf(pictures);
        }

        public String key() {
            return source + ":" + id;
        }
    }

    /** A described photo of a story, as it was when published: shown only while its story may be shown. */
    public record Picture(UUID id, String description) {}

    /** The picture with this id among the stories (as they may be shown now), if any. */
    public java.util.Optional<Item> storyWithPicture(UUID pictureId) {
        return stories.stream().filter(i -> i.pictures().stream().anyMatch(p -> p.id().equals(pictureId))).findFirst();
    }

    /** An extra section given by a {@link ReportContribution} when the report was published. */
    public record Contribution(String heading, List<String> paragraphs) {

        public Contribution {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** The same snapshot with only the items {@code shown} allows (the others are left out, not mentioned). */
    public Snapshot keeping(Predicate<Item> shown) {
        List<OutcomePart> parts = new ArrayList<>();
        for (OutcomePart o : outcomes) {
            parts.add(new OutcomePart(o.outcomeId(), o.title(), o.judgement(), o.reasons(), o.nextSteps(), o.yes(), o.aBit(), o.notYet(),
                    o.figures(), o.items().stream().filter(shown).toList()));
        }
        return new Snapshot(kind, title, audience, organisation, project, round, reviewOn, periodFrom, problem, projectImpact,
                coproductionImpact, diagram, words, parts, stories.stream().filter(shown).toList(), suggestions, contributions, titleCy, projectCy,
                wordsCy, wordsIn);
    }

    /**
     * The snapshot as a reader in {@code language} gets it: in the organisation's second language
     * ({@link OwnWords}), the report's title, the project's name and the report's words in that
     * language where they were given when it was published, the main words otherwise. (Reports
     * published before second words existed have none.)
     */
    public Snapshot in(String language) {
        if (!secondLanguage().equals(language) || (titleCy == null && projectCy == null && (wordsCy == null || wordsCy.isEmpty()))) {
            return this;
        }
        return new Snapshot(kind, titleCy != null ? titleCy : title, audience, organisation, projectCy != null ? projectCy : project, round, reviewOn,
                periodFrom, problem, projectImpact, coproductionImpact, diagram, wordsCy == null ? words : wordsCy.over(words), outcomes, stories,
                suggestions, contributions, titleCy, projectCy, wordsCy, wordsIn);
    }

    /**
     * The language ("en" or "cy") of the title shown on this page: the second language where the page
     * is in it and a title in it was published, the organisation's main language otherwise, so a
     * Welsh page can mark English words {@code lang="en"} (likewise {@link #projectLang} and
     * {@link #wordsLang}).
     */
    public String titleLang() {
        return shownLang(titleCy);
    }

    public String projectLang() {
        return shownLang(projectCy);
    }

    /** The language of each of the report's own words as shown: "en", "cy", or null where nothing is written. */
    public ReportWords wordsLang() {
        ReportWords second = secondOnThisPage() && wordsCy != null ? wordsCy : ReportWords.none();
        return second.languagesOver(words, secondLanguage(), mainLanguage());
    }

    /**
     * The language ("en" or "cy") the report's main words were written in when it was published: the
     * outcomes, the problem, the judgements' reasons, and its title and words where no second ones are
     * shown. Reports published before this was kept are in the organisation's language of today.
     */
    public String mainLanguage() {
        return wordsIn != null ? wordsIn : OwnWords.main();
    }

    private String secondLanguage() {
        return OwnWords.other(mainLanguage());
    }

    private boolean secondOnThisPage() {
        return secondLanguage().equals(Languages.code());
    }

    private String shownLang(@Nullable String second) {
        return secondOnThisPage() && second != null ? secondLanguage() : mainLanguage();
    }

    /** Every item in the snapshot: in outcomes and the chosen stories. */
    public int itemCount() {
        return stories.size() + outcomes.stream().mapToInt(o -> o.items().size()).sum();
    }
}
