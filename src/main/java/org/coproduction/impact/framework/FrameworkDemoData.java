package org.coproduction.impact.framework;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's framework: version 1, published about ten and a half months ago (so its yearly review
 * is coming up on the home page), and version 2, a draft of the review with a few changes to compare.
 */
@Component
class FrameworkDemoData {

    /** How long ago the demo's version 1 was published: its review falls due within the reminder period. */
    static final int PUBLISHED_DAYS_AGO = 320;

    private final FrameworkService frameworks;

    FrameworkDemoData(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @EventListener
    void addFramework(DemoOrganisationCreated demo) {
        Tenant tenant = new Tenant(new UserId(demo.people().get(Role.FACILITATOR)), demo.organisation(), demo.name(), Role.FACILITATOR);
        UUID first = frameworks.versions(tenant).getFirst().id();
        save(tenant, first, Section.HOW_DEVELOPED, """
                We wrote this framework over three workshops in the spring, with our co-production steering group (eight people \
                with learning disabilities and three carers), four day-centre staff, our manager and the local advocacy charity.

                - Everyone had easy-read papers a week before each workshop, and a supporter if they wanted one.
                - Group members were paid for their time and their travel, at the rate our steering group agreed.
                - The group chose the words in *What we mean by impact, outcomes and activities*, and asked us to add the \
                easy-read summary.
                """, """
                We wrote this plan together in three workshops.
                People with learning disabilities, carers and staff helped.
                Group members were paid for their time.
                """);
        OffsetDateTime publishedAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(PUBLISHED_DAYS_AGO);
        frameworks.publishAsOf(tenant, first, publishedAt, publishedAt.toLocalDate().plusYears(1));

        UUID review = frameworks.startDraft(tenant);
        save(tenant, review, Section.VOICES, """
                We regularly ask whether the people taking part in co-production, and in assessing its impact, reflect the people \
                who live in our area.

                - Who lives in our area and uses our services? We use the council’s data on people with learning disabilities \
                in the borough.
                - Who takes part now, and who is missing? At our first review, no one in the steering group was under 25, and \
                only one member was from a Black, Asian or minority ethnic community.
                - What stops people from taking part, and what will we change so that they can? We will hold two meetings a \
                year in the evening, and ask the college’s supported learning course to join us.

                We write down what we find and what we do about it, and we look again each year when we review this framework.
                """, """
                We check who takes part.
                Young people and people from different communities are missing.
                We will meet in the evening too, so more people can come.
                """);
        save(tenant, review, Section.HOW_DEVELOPED, frameworks.draftSection(tenant, review, Section.HOW_DEVELOPED).body() + """


                **Yearly review.** The steering group is reviewing this framework with us now. So far they have changed \
                *Whose voices are represented*.
                """, frameworks.draftSection(tenant, review, Section.HOW_DEVELOPED).easyRead() + "\nWe check this plan every year.");
    }

    private void save(Tenant tenant, UUID version, Section section, String body, String easyRead) {
        SectionText current = frameworks.draftSection(tenant, version, section);
        frameworks.saveSection(tenant, version, section, current.lockVersion(), body, easyRead);
    }
}
