package org.coproduction.impact.form;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A feedback form with answers for the demo's day-centre project, so the responses table, the
 * analysis and the evidence have something real to show: the group's after-meeting form (how
 * confident people felt to speak up, before and now), answered online, on a shared tablet and on
 * paper, one answer left out as a test, and one member who answered twice.
 *
 * <p>It runs just before the demo's transaction commits, after the pathway's demo made the
 * project and its outcomes.
 */
@Component
class ResponsesDemoData {

    static final String TITLE = "After the group meeting";

    private static final List<String> CONFIDENT = List.of("Not confident", "A bit confident", "Very confident");

    private final ProjectService projects;
    private final PathwayService pathways;
    private final FormService forms;
    private final RespondentService respondents;

    ResponsesDemoData(ProjectService projects, PathwayService pathways, FormService forms, RespondentService respondents) {
        this.projects = projects;
        this.pathways = pathways;
        this.forms = forms;
        this.respondents = respondents;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void addAnsweredForm(DemoOrganisationCreated demo) {
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        if (facilitator == null) {
            return;
        }
        Tenant tenant = new Tenant(new UserId(facilitator), demo.organisation(), demo.name(), Role.FACILITATOR);
        // The day-centre project: the one whose pathway has the outcome the form is evidence for.
        for (Project project : projects.projects(tenant)) {
            UUID speakUp = pathways.pathway(tenant, project.id()).currentOutcomes().stream()
                    .filter(o -> o.title().startsWith("Group members feel confident to speak up"))
                    .map(Outcome::id)
                    .findFirst()
                    .orElse(null);
            if (speakUp != null && forms.forms(tenant, project.id()).stream().noneMatch(f -> f.title().equals(TITLE))) {
                add(tenant, project, speakUp, demo.people().get(Role.MEMBER));
                return;
            }
        }
    }

    private void add(Tenant tenant, Project project, UUID speakUp, @Nullable UUID member) {
        List<Question> questions = List.of(
                new Question("speak-up", QuestionType.BEFORE_AFTER, "How confident did you feel to speak up before the meeting?", null,
                        "Before the meeting: did I feel OK to speak up?", "speech", true, CONFIDENT, ScaleStyle.FACES,
                        "How confident do you feel to speak up now?", "Now: do I feel OK to speak up?", speakUp, null),
                new Question("easy", QuestionType.RATING, "Was the meeting easy to understand?", null, "Was the meeting easy to understand?",
                        "lightbulb", true, List.of("Hard", "OK", "Easy"), ScaleStyle.FACES, null, null, null, null),
                new Question("change", QuestionType.LONG_TEXT, "What would you change about the meetings?", null, "What would I change?",
                        "change", false, List.of(), ScaleStyle.WORDS, null, null, speakUp, null));
        UUID formId = forms.create(tenant, project.id(), TITLE, "Tell us how the meeting went. It takes two minutes.", true, null, questions);
        forms.setStatus(tenant, formId, FormStatus.OPEN);
        PublicForm form = respondents.locate(forms.form(tenant, formId).token()).orElseThrow();

        online(form, Source.ONLINE, member, answers("1", "2", "2", "I was nervous at first. The pictures on the agenda helped."));
        online(form, Source.KIOSK, null, answers("2", "3", "3", "More breaks, please."));
        online(form, Source.KIOSK, null, answers("2", "2", "2", null));
        online(form, Source.ONLINE, null, answers("1", "3", "3", "Everyone listened to me."));
        online(form, Source.ONLINE, member, answers("2", "3", "3", "I said what I thought about the new activities."));
        UUID test = online(form, Source.ONLINE, null, answers("3", "3", "3", "Testing the form before the meeting"));
        respondents.exclude(tenant, formId, test, Response.Exclusion.TEST);
        respondents.enterFromPaper(tenant, formId, FormTokens.secret(), answers("1", "2", "3", "Start later in the day."), null);
        respondents.enterFromPaper(tenant, formId, FormTokens.secret(), answers("3", "3", "2", null), null);
    }

    // The before-and-after pair's two answer fields, as Question.fields() names them.
    private static final List<String> SPEAK_UP = new Question("speak-up", QuestionType.BEFORE_AFTER, "", null, null, null, true, List.of(),
            ScaleStyle.FACES, null, null, null, null).fields();

    private static Map<String, List<String>> answers(String before, String after, String easy, @Nullable String change) {
        Map<String, List<String>> values = new java.util.HashMap<>(Map.of(SPEAK_UP.get(0), List.of(before), SPEAK_UP.get(1), List.of(after),
                "easy", List.of(easy)));
        if (change != null) {
            values.put("change", List.of(change));
        }
        return values;
    }

    private UUID online(PublicForm form, Source source, @Nullable UUID member, Map<String, List<String>> values) {
        Draft draft = respondents.start(form, source, member);
        respondents.savePage(form, draft, respondents.questions(form, draft), values);
        return ((SubmitResult.Saved) respondents.submit(form, draft.token())).responseId();
    }
}
