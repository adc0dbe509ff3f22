package org.coproduction.impact.form;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.shared.web.OwnWords;
import org.jspecify.annotations.Nullable;

/**
 * A form with the questions of its current version (the one respondents are given).
 *
 * @param projectId null for a form of the whole organisation
 * @param version the optimistic-locking version of the form's settings and questions
 * @param currentVersion the number of the form version respondents get now
 * @param answersUse how the answers will be used, as the form's first page tells respondents: what
 *     they agree to by answering (each wider use includes the narrower ones)
 * @param titleCy the title in the organisation's second language ({@link OwnWords}: Welsh, or English
 *     for an organisation writing in Welsh), if given (likewise {@code introCy})
 */
public record Form(
        UUID id,
        @Nullable UUID projectId,
        String title,
        @Nullable String intro,
        String token,
        String paperCode,
        FormStatus status,
        @Nullable LocalDate closesOn,
        boolean namedAnswers,
        boolean kioskPinSet,
        int currentVersion,
        List<Question> questions,
        int version,
        @Nullable String templateKey,
        OffsetDateTime updatedAt,
        boolean archived,
        ConsentUse answersUse,
        @Nullable String titleCy,
        @Nullable String introCy) {

    public Form {
        questions = List.copyOf(questions);
    }

    /** Whether any of its words are given in the second language, so respondents may choose the language. */
    public boolean hasWelsh() {
        return titleCy != null || introCy != null || questions.stream().anyMatch(Question::hasWelsh);
    }

    /** The form as a respondent reads it in {@code language}: second words where that is the second language and they are given, main words otherwise. */
    public Form in(String language) {
        if (!OwnWords.secondIn(language) || !hasWelsh()) {
            return this;
        }
        return new Form(id, projectId, titleCy != null ? titleCy : title, introCy != null ? introCy : intro, token, paperCode, status,
                closesOn, namedAnswers, kioskPinSet, currentVersion, questions.stream().map(q -> q.in(language)).toList(), version,
                templateKey, updatedAt, archived, answersUse, titleCy, introCy);
    }

    /** The language ("en" or "cy") of the title {@link #in}{@code (language)} shows: the second where given, the main otherwise. */
    public String titleLang(String language) {
        return OwnWords.of(OwnWords.secondIn(language) && titleCy != null);
    }

    /** The language of the introduction {@link #in}{@code (language)} shows. */
    public String introLang(String language) {
        return OwnWords.of(OwnWords.secondIn(language) && introCy != null);
    }

    /** Whether it takes answers today: open, and not past its closing date. */
    public boolean takesAnswers(LocalDate today) {
        return status == FormStatus.OPEN && !archived && (closesOn == null || !today.isAfter(closesOn));
    }

    /** The uses the form told respondents their answers may be put to: its own and every narrower one. */
    public Set<ConsentUse> answersMayBeUsedFor() {
        return switch (answersUse) {
            case INTERNAL_LEARNING -> EnumSet.of(ConsentUse.INTERNAL_LEARNING);
            case FUNDER_REPORTS -> EnumSet.of(ConsentUse.INTERNAL_LEARNING, ConsentUse.FUNDER_REPORTS);
            case PUBLIC -> EnumSet.allOf(ConsentUse.class);
        };
    }

    /** The words that tell respondents, on the form's first page, how their answers will be used. */
    public String answersUseMessageKey() {
        return switch (answersUse) {
            case INTERNAL_LEARNING -> "respond.start.use.internal-learning";
            case FUNDER_REPORTS -> "respond.start.use.funder-reports";
            case PUBLIC -> "respond.start.use.public";
        };
    }

    /** The same in easy read, for the printed easy-read copy (which does not follow the easy-read switch). */
    public String answersUseEasyReadMessageKey() {
        return switch (answersUse) {
            case INTERNAL_LEARNING -> "easyread.respond.start.use.internal-learning";
            case FUNDER_REPORTS -> "easyread.respond.start.use.funder-reports";
            case PUBLIC -> "easyread.respond.start.use.public";
        };
    }

    public String publicPath() {
        return "/r/" + token;
    }

    public String path() {
        return "/forms/" + id;
    }
}
