package org.coproduction.impact.form;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Forms as evidence: for each form of the project with counted responses, one item per question
 * that says which outcome or plan row it is evidence for. Ratings, before-and-after pairs and
 * choices are people's ratings; written answers are people's voices; numbers are quantitative.
 *
 * <p>Ratings and numbers from an anonymous form show no one. Written answers can name or quote
 * people, and answers to a form with named answers are linked to a person: such items show a person,
 * with consent for what the form told respondents on its first page ({@link Form#answersUse()}:
 * learning inside the organisation unless the facilitator chose reports to funders or publishing).
 */
@Component
class FormEvidence implements CollectedEvidence {

    static final String SOURCE = "form";

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final FormRepository forms;
    private final FormResults results;
    private final ResponseRepository responses;

    FormEvidence(FormRepository forms, FormResults results, ResponseRepository responses) {
        this.forms = forms;
        this.results = results;
        this.responses = responses;
    }

    @Override
    public List<EvidenceItem> items(OrganisationId organisation, UUID projectId) {
        return items(organisation, forms.forProject(organisation, projectId));
    }

    /** The forms of all the projects are found in one statement; each form with answers is then read on its own. */
    @Override
    public Map<UUID, List<EvidenceItem>> items(OrganisationId organisation, Collection<UUID> projectIds) {
        Map<UUID, List<Form>> byProject = CollectedEvidence.byProject(projectIds, forms.forProjects(organisation, projectIds), Form::projectId);
        Map<UUID, List<EvidenceItem>> items = new LinkedHashMap<>();
        byProject.forEach((project, list) -> items.put(project, items(organisation, list)));
        return items;
    }

    private List<EvidenceItem> items(OrganisationId organisation, List<Form> projectForms) {
        List<EvidenceItem> items = new ArrayList<>();
        for (Form form : projectForms) {
            Counts answered = answered(organisation, form.id());
            if (answered.rows().isEmpty()) {
                continue;
            }
            for (MappedQuestion m : results.mapped(organisation, form.id())) {
                Question q = m.question();
                EvidenceType type = type(q.type());
                long answers = answered.question(q.key());
                if (type == null || (q.outcomeId() == null && q.planRowId() == null) || answers == 0) {
                    continue;
                }
                OffsetDateTime latest = responses.latestAnswered(organisation, form.id(), q.key()).orElse(null);
                if (latest == null) {
                    continue;
                }
                LocalDate date = latest.atZoneSameInstant(UK).toLocalDate();
                UUID id = UUID.nameUUIDFromBytes((form.id() + "/" + q.key()).getBytes(StandardCharsets.UTF_8));
                items.add(new EvidenceItem(SOURCE, id, type, "form.evidence.kind", form.title() + ": " + q.text(), date,
                        q.outcomeId() == null ? Set.of() : Set.of(q.outcomeId()), q.planRowId() == null ? Set.of() : Set.of(q.planRowId()),
                        showsAPerson(form, type), showsAPerson(form, type) ? form.answersMayBeUsedFor() : Set.of(),
                        form.path() + "/analysis#question-" + q.key(), (int) answers));
            }
        }
        return items;
    }

    /**
     * How many counted responses answered each question: the settled counts ({@link AnswerCounts},
     * kept by the background job) plus the responses since the settled line, counted in SQL. Read
     * only, so the project page never writes; never every response (issue 11), except for a form the
     * job has not settled yet (at most ten minutes after it first has responses).
     */
    private Counts answered(OrganisationId organisation, UUID formId) {
        OffsetDateTime line = responses.settledBefore(organisation, formId).orElse(null);
        Counts settled = line == null ? Counts.none() : responses.settledCounts(organisation, formId);
        return settled.plus(responses.counts(organisation, formId, List.of(), List.of(), line, null));
    }

    /** Whether the item can show or quote a person: any answer to a named form, and written answers to any form. */
    static boolean showsAPerson(Form form, EvidenceType type) {
        return form.namedAnswers() || type == EvidenceType.PEOPLES_VOICES;
    }

    static @Nullable EvidenceType type(QuestionType type) {
        return switch (type) {
            case RATING, BEFORE_AFTER, SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO -> EvidenceType.PEOPLES_RATINGS;
            case SHORT_TEXT, LONG_TEXT -> EvidenceType.PEOPLES_VOICES;
            case NUMBER -> EvidenceType.QUANTITATIVE;
            case DATE, ABOUT_YOU -> null;
        };
    }
}
