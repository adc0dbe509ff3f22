package org.coproduction.impact.record;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Recorded evidence for the demo's day-centre project: three activities with who came, an anonymous
 * comment, a member's quote and a case study, both with consent, and members allowed to add their own.
 * Runs just before the demo's transaction commits, after the pathway and the plan exist.
 */
@Component
class RecordDemoData {

    private final ProjectService projects;
    private final RecordService records;

    RecordDemoData(ProjectService projects, RecordService records) {
        this.projects = projects;
        this.records = records;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void addRecords(DemoOrganisationCreated demo) {
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(facilitator), demo.organisation(), demo.name(), Role.FACILITATOR);
        for (Project project : projects.projects(tenant)) {
            ProjectRecords existing = records.records(tenant, project.id());
            if (existing.items().isEmpty()) {
                fill(tenant, existing, demo);
            }
        }
    }

    private void fill(Tenant tenant, ProjectRecords p, DemoOrganisationCreated demo) {
        UUID projectId = p.project().id();
        UUID member = demo.people().get(Role.MEMBER);
        UUID admin = demo.people().get(Role.ADMIN);
        UUID facilitator = demo.people().get(Role.FACILITATOR);
        List<UUID> steering = outcome(p, "A co-production steering group");
        List<UUID> confident = outcome(p, "Group members feel confident");
        List<UUID> staff = outcome(p, "People with lived experience help choose staff");
        List<UUID> known = outcome(p, "Local people know about the day centre");
        List<UUID> asked = outcome(p, "The centre’s activities and staffing reflect");

        records.add(tenant, projectId, ItemDraft.activity("Steering group meeting: agreeing our terms of reference", LocalDate.of(2026, 2, 10),
                ActivityKind.MEETING, "Day centre meeting room", "Sam Okafor", List.of(member, admin), 4, activity(p, "Monthly steering group"),
                "We agreed the terms of reference and who chairs each meeting. Easy-read minutes were sent to everyone.", steering, List.of(),
                List.of("steering group")));
        records.add(tenant, projectId, ItemDraft.activity("Steering group meeting: the activity wish list", LocalDate.of(2026, 3, 10),
                ActivityKind.MEETING, "Day centre meeting room", "Jo Williams and Sam Okafor", List.of(member, facilitator), 5,
                activity(p, "Monthly steering group"), "The group made a wish list of activities for the timetable.", join(steering, asked),
                List.of(), List.of("choice", "steering group")));
        records.add(tenant, projectId, ItemDraft.activity("Open day at the centre", LocalDate.of(2026, 4, 18), ActivityKind.EVENT,
                "The day centre", "Group members with the centre manager", List.of(member), 23, activity(p, "Open day"),
                "Group members showed visitors round and handed out the new easy-read leaflet.", known, List.of(), List.of("transport")));

        records.add(tenant, projectId, ItemDraft.voice(RecordKind.COMMENT, "", LocalDate.of(2026, 3, 17), "At lunch in the centre",
                "I like that we choose the activities now. Before, staff just told us what was on.", Speaker.ANONYMOUS, null, null, asked,
                List.of(), List.of("choice")));
        if (records.add(tenant, projectId, ItemDraft.voice(RecordKind.QUOTE, "Reading out the minutes", LocalDate.of(2026, 4, 14),
                "Steering group meeting", "At the first meeting I didn’t say anything. Now I read out the minutes.", Speaker.MEMBER, member, null,
                confident, List.of(), List.of("confidence"))) instanceof RecordEdit.Saved(UUID quote)) {
            records.addConsent(tenant, projectId, quote, new ConsentDraft("Jo Williams", ConsentHow.EASY_READ,
                    EnumSet.of(ConsentUse.INTERNAL_LEARNING, ConsentUse.FUNDER_REPORTS), null));
            records.publish(tenant, projectId, quote, records.item(tenant, projectId, quote).version(), true);
        }
        if (records.add(tenant, projectId, ItemDraft.caseStudy("Jo helps choose new staff", LocalDate.of(2026, 5, 20), Speaker.MEMBER, member,
                null, "Jo had never been asked about who works at the centre. Staff were chosen by the manager alone.",
                "Jo helped write the recruitment criteria in a workshop, then trained for the interview panel and sat on two panels.",
                "Two new support workers were chosen with Jo’s questions. Jo now helps train other members to join panels.",
                "I asked them what they would do if someone was upset. I could tell who really listened.", staff, List.of(),
                List.of("confidence", "recruitment"))) instanceof RecordEdit.Saved(UUID story)) {
            records.addConsent(tenant, projectId, story, new ConsentDraft("Jo Williams", ConsentHow.WRITTEN,
                    EnumSet.of(ConsentUse.INTERNAL_LEARNING, ConsentUse.FUNDER_REPORTS, ConsentUse.PUBLIC), LocalDate.of(2027, 3, 31)));
        }
        records.setMembersMayAdd(tenant, projectId, true);
        // A member's own diary entry, which they later corrected (so facilitators see its history), tagged by the facilitator.
        Tenant asMember = new Tenant(new UserId(member), demo.organisation(), demo.name(), Role.MEMBER);
        if (p.project().involves(member) && records.addOwn(asMember, projectId, RecordKind.DIARY,
                "Today I chaired the steering group for the first time. I was nervous.",
                EnumSet.of(ConsentUse.INTERNAL_LEARNING)) instanceof RecordEdit.Saved(UUID diary)) {
            records.changeOwnWords(asMember, projectId, diary, records.item(tenant, projectId, diary).version(),
                    "Today I chaired the steering group for the first time. I was nervous, but I had practised the agenda with Sam and it went well.");
            records.retag(tenant, projectId, diary, records.item(tenant, projectId, diary).version(), confident, List.of(),
                    List.of("confidence"));
        }
    }

    private static List<UUID> outcome(ProjectRecords p, String start) {
        return p.pathway().currentOutcomes().stream().filter(o -> o.title().startsWith(start)).map(Outcome::id).limit(1).toList();
    }

    private static @org.jspecify.annotations.Nullable UUID activity(ProjectRecords p, String start) {
        Optional<UUID> found = p.pathway().currentActivities().stream().filter(a -> a.title().startsWith(start)).map(a -> a.id()).findFirst();
        return found.orElse(null);
    }

    private static List<UUID> join(List<UUID> a, List<UUID> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
