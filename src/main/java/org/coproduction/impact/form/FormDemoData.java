package org.coproduction.impact.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.plan.PlanRow;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The demo's day-centre project gets an activity feedback form, made from the template and open for
 * answers, its ratings linked to the outcome about activities and its before-and-after feelings to
 * the outcome about members' confidence, and to the plan rows that collect people's ratings.
 *
 * <p>It runs after the demo's transaction commits (in one of its own), so the plan's demo rows,
 * added just before that commit, are there to link to.
 */
@Component
class FormDemoData {

    private static final String ACTIVITIES = "The centre’s activities and staffing reflect what people asked for";
    private static final String CONFIDENCE = "Group members feel confident to speak up";

    /** Which outcome each question of the activity feedback form is evidence for, by the start of its title. */
    private static final Map<String, String> OUTCOME_OF = Map.of(
            "place", ACTIVITIES, "who-ran-it", ACTIVITIES, "easy-to-understand", ACTIVITIES, "fun", ACTIVITIES, "feeling", CONFIDENCE);

    private final ProjectService projects;
    private final PlanService plans;
    private final FormService forms;

    FormDemoData(ProjectService projects, PlanService plans, FormService forms) {
        this.projects = projects;
        this.plans = plans;
        this.forms = forms;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void addForm(DemoOrganisationCreated demo) {
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(facilitator), demo.organisation(), demo.name(), Role.FACILITATOR);
        for (Project project : projects.projects(tenant)) {
            if (forms.forms(tenant, project.id()).isEmpty()) {
                add(tenant, plans.plan(tenant, project.id()));
            }
        }
    }

    private void add(Tenant tenant, Plan plan) {
        FormTemplates.Template template = FormTemplates.find(FormTemplates.ACTIVITY_FEEDBACK).orElseThrow();
        List<Question> questions = new ArrayList<>();
        for (Question q : template.questions()) {
            Outcome outcome = outcome(plan, OUTCOME_OF.get(q.key()));
            PlanRow row = outcome == null ? null : plan.rowsFor(outcome.id()).stream()
                    .filter(r -> r.type() == EvidenceType.PEOPLES_RATINGS).findFirst().orElse(null);
            questions.add(new Question(q.key(), q.type(), q.text(), q.hint(), q.easyReadText(), q.picture(), q.required(), q.options(), q.scale(),
                    q.afterText(), q.easyReadAfterText(), outcome == null ? null : outcome.id(), row == null ? null : row.id()));
        }
        UUID id = forms.create(tenant, plan.project().id(), template.title(), template.intro(), false, template.key(), questions);
        forms.setStatus(tenant, id, FormStatus.OPEN);
    }

    private static @Nullable Outcome outcome(Plan plan, @Nullable String titleStart) {
        return titleStart == null ? null
                : plan.pathway().currentOutcomes().stream().filter(o -> o.title().startsWith(titleStart)).findFirst().orElse(null);
    }
}
