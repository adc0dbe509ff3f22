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
    private final ResponseRepository responses;

    FormEvidence(FormRepository forms, ResponseRepository responses) {
        this.forms = forms;
        this.responses = responses;
    }

    @Override
    public List<EvidenceItem> items(OrganisationId organisation, UUID projectId) {
        return items(organisation, forms.forProject(organisation, projectId));
    }

    /**
     * The forms of all the projects, then for all of them together: how many answered each question,
     * the questions of every version, and when each question mapped to the pathway was last answered.
     * Six statements however many projects and forms (issue 11: the overview reads a page of projects
     * at once).
     */
    @Override
    public Map<UUID, List<EvidenceItem>> items(OrganisationId organisation, Collection<UUID> projectIds) {
        Map<UUID, List<Form>> byProject = CollectedEvidence.byProject(projectIds, forms.forProjects(organisation, projectIds), Form::projectId);
        List<Form> all = byProject.values().stream().flatMap(List::stream).toList();
        Map<UUID, List<EvidenceItem>> items = new LinkedHashMap<>();
        Map<UUID, List<EvidenceItem>> byForm = itemsByForm(organisation, all);
        byProject.forEach((project, list) -> items.put(project,
                list.stream().flatMap(f -> byForm.getOrDefault(f.id(), List.of()).stream()).toList()));
        return items;
    }

    private List<EvidenceItem> items(OrganisationId organisation, List<Form> projectForms) {
        Map<UUID, List<EvidenceItem>> byForm = itemsByForm(organisation, projectForms);
        return projectForms.stream().flatMap(f -> byForm.getOrDefault(f.id(), List.of()).stream()).toList();
    }

    /** One item for each question mapped to the pathway and answered at least once, for each form with counted answers. */
    private Map<UUID, List<EvidenceItem>> itemsByForm(OrganisationId organisation, List<Form> someForms) {
        Map<UUID, Map<String, Long>> answered = responses.answeredQuestions(organisation, someForms.stream().map(Form::id).toList());
        List<Form> withAnswers = someForms.stream().filter(f -> answered.containsKey(f.id())).toList();
        Map<UUID, List<FormVersion>> versions = forms.versionQuestions(organisation, withAnswers.stream().map(Form::id).toList());
        record Candidate(Form form, Question question, EvidenceType type, long answers) {}
        List<Candidate> candidates = new ArrayList<>();
        for (Form form : withAnswers) {
            for (MappedQuestion m : FormResults.mapped(versions.getOrDefault(form.id(), List.of()))) {
                Question q = m.question();
                EvidenceType type = type(q.type());
                long answers = answered.get(form.id()).getOrDefault(q.key(), 0L);
                if (type != null && (q.outcomeId() != null || q.planRowId() != null) && answers != 0) {
                    candidates.add(new Candidate(form, q, type, answers));
                }
            }
        }
        Map<ResponseRepository.FormQuestion, OffsetDateTime> latest = responses.latestAnswered(organisation,
                candidates.stream().map(c -> new ResponseRepository.FormQuestion(c.form().id(), c.question().key())).distinct().toList());
        Map<UUID, List<EvidenceItem>> byForm = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Form form = c.form();
            Question q = c.question();
            OffsetDateTime at = latest.get(new ResponseRepository.FormQuestion(form.id(), q.key()));
            if (at == null) {
                continue;
            }
            LocalDate date = at.atZoneSameInstant(UK).toLocalDate();
            UUID id = UUID.nameUUIDFromBytes((form.id() + "/" + q.key()).getBytes(StandardCharsets.UTF_8));
            boolean person = showsAPerson(form, c.type());
            byForm.computeIfAbsent(form.id(), k -> new ArrayList<>()).add(new EvidenceItem(SOURCE, id, c.type(), "form.evidence.kind",
                    form.title() + ": " + q.text(), date, q.outcomeId() == null ? Set.of() : Set.of(q.outcomeId()),
                    q.planRowId() == null ? Set.of() : Set.of(q.planRowId()), person, person ? form.answersMayBeUsedFor() : Set.of(),
                    form.path() + "/analysis#question-" + q.key(), (int) c.answers()));
        }
        return byForm;
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
