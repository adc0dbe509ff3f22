package org.coproduction.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.StoreResult;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The malicious input suite's files (issue 15), from {@code src/test/resources/malicious/}: a
 * program and an SVG web page renamed .jpg are refused by their content and nothing is stored; a
 * PNG whose header claims 50,000 x 50,000 pixels is refused without being decoded (it would need
 * 7.5 GB); and a JPEG that is also a web page (HTML with a script in a comment segment and after the
 * end of the image) is either refused or stored without the web page in it. Every upload form gets
 * the polyglot in {@link MaliciousInputSweepTest} too; this checks what is stored.
 */
@IntegrationTest
class MaliciousFilesIntegrationTest {

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    MediaService media;

    @Autowired
    JdbcClient jdbc;

    @Test
    void renamedProgramsAndPagesAndPixelFloodsAreRefusedAndPolyglotsLoseTheirPage() {
        TestData.Org org = data.organisationWithEveryRole("Hostile files");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Hostile " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of()));

        for (String name : List.of("renamed-exe.jpg", "renamed-svg.jpg", "pixel-flood.png")) {
            long before = files(org);
            StoreResult result = media.store(tenant, project, name, MaliciousInputSweepTest.corpusFile(name));
            assertThat(result).as(name).isInstanceOf(StoreResult.Refused.class);
            assertThat(files(org)).as(name + " stores nothing").isEqualTo(before);
        }

        StoreResult polyglot = media.store(tenant, project, "polyglot.jpg", MaliciousInputSweepTest.corpusFile("polyglot.jpg"));
        if (polyglot instanceof StoreResult.Stored stored) {
            byte[] kept = media.content(tenant, stored.file().id()).bytes();
            assertThat(new String(kept, StandardCharsets.ISO_8859_1)).as("the stored photo").doesNotContain("<script")
                    .doesNotContain("<html");
        }
    }

    private long files(TestData.Org org) {
        return jdbc.sql("select count(*) from media_file where organisation_id = :org").param("org", org.id().value())
                .query(Long.class).single();
    }
}
