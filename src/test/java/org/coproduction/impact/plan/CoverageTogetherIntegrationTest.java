package org.coproduction.impact.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.together.Face;
import org.coproduction.impact.together.ReflectionDraft;
import org.coproduction.impact.together.ReflectionService;
import org.coproduction.impact.together.TogetherResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The overview reads a page of projects' evidence coverage together (each module's evidence for all
 * of them in one go); what it finds must be exactly what each project's own page finds, for every
 * module's kind of evidence.
 */
@IntegrationTest
class CoverageTogetherIntegrationTest {

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    EvidenceCoverageService coverage;

    @Autowired
    PathwayService pathways;

    @Autowired
    ReflectionService reflections;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void readingSeveralProjectsTogetherFindsWhatEachProjectsOwnPageFinds() {
        TestData.Org org = data.organisationWithEveryRole("Coverage together");
        Map<Role, UUID> people = new HashMap<>();
        org.people().forEach((role, person) -> people.put(role, person.id()));
        transactions.executeWithoutResult(t -> events.publishEvent(new DemoOrganisationCreated(org.id(), org.name(), Map.copyOf(people))));
        Tenant facilitator = new Tenant(new UserId(people.get(Role.FACILITATOR)), org.id(), org.name(), Role.FACILITATOR);
        // Beside the demo's project, one with nothing yet: each project's evidence must stay its own.
        projects.create(facilitator, new ProjectService.ProjectDetails("A new project " + TestData.suffix(), null, null, null, null,
                facilitator.userId().value(), false, List.of()));
        List<Project> all = projects.projects(facilitator);
        assertThat(all).hasSizeGreaterThan(1);
        // The demo has no reflections: one, said about one of the demo project's outcomes.
        Project demo = all.stream().filter(p -> !p.name().startsWith("A new project")).findFirst().orElseThrow();
        UUID outcome = pathways.pathway(facilitator, demo.id()).currentOutcomes().getFirst().id();
        assertThat(reflections.add(facilitator, demo.id(), new ReflectionDraft(null, Face.GOOD, "People spoke up.", "", "", Set.of(outcome),
                List.of(), Set.of(ConsentUse.INTERNAL_LEARNING)))).isInstanceOf(TogetherResult.Saved.class);

        Map<UUID, EvidenceCoverage> together = coverage.coverage(facilitator, all);

        assertThat(together.keySet()).containsExactlyElementsOf(all.stream().map(Project::id).toList());
        for (Project p : all) {
            assertThat(together.get(p.id())).as(p.name()).isEqualTo(coverage.coverage(facilitator, p.id()));
        }
        // Not a comparison of empty pages: the demo's evidence comes from every module that collects it.
        Set<String> sources = together.values().stream()
                .flatMap(c -> c.outcomes().stream())
                .flatMap(o -> o.items().stream())
                .map(EvidenceItem::source)
                .collect(Collectors.toSet());
        assertThat(sources).contains("form", "record", "measure", "tracker", "together");
    }
}
