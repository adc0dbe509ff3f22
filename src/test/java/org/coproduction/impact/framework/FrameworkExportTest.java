package org.coproduction.impact.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduction.impact.support.PdfUa.assertPdfUa1;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The shared forms of a version: a tagged PDF that veraPDF accepts as PDF/UA-1, a Word file that
 * opens with its headings and text, and the easy-read summary page, all made from the same version.
 */
@IntegrationTest
class FrameworkExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    FrameworkService frameworks;

    TestData.Org org;

    UUID published;

    @BeforeEach
    void aPublishedFramework() {
        org = data.organisationWithEveryRole("Export");
        Tenant facilitator = new Tenant(new UserId(org.person(Role.FACILITATOR).id()), org.id(), org.name(), Role.FACILITATOR);
        published = frameworks.versions(facilitator).getFirst().id();
        SectionText why = frameworks.draftSection(facilitator, published, Section.WHY);
        frameworks.saveSection(facilitator, published, Section.WHY, why.lockVersion(), """
                We want to show what changes.

                # A heading of our own

                - a list, with **bold** and *italic* words
                - a [link](https://example.org) and `code`

                1. numbered
                2. steps

                > A quote from the group: “we said, we did”.
                """, "We want to show what changes.\nWe work together.");
        frameworks.publish(facilitator, published, frameworks.aYearFromToday());
    }

    private MockHttpServletResponse download(String format, Role role) throws Exception {
        return mvc.perform(get("/framework/versions/" + published + "/" + format).with(data.as(org.person(role))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
    }

    @Test
    void thePdfIsTaggedPdfUa1() throws Exception {
        MockHttpServletResponse response = download("pdf", Role.VIEWER);

        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).contains("co-production-impact-framework-version-1.pdf");
        assertPdfUa1(response.getContentAsByteArray());
    }

    @Test
    void thePdfHoldsTheWholeFrameworkAndItsEasyReadSummary() throws Exception {
        byte[] pdf = download("pdf", Role.MEMBER).getContentAsByteArray();
        // Kept for a person to look at (target/ is never committed).
        java.nio.file.Files.write(java.nio.file.Path.of("target/framework-example.pdf"), pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Co-production impact framework – " + org.name());
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(text).contains(org.name(), "Version 1, published on", "Introduction and definitions",
                    "What we mean by impact, outcomes and activities", "Equity, diversity and inclusion", "Whose voices are represented",
                    "Using the framework", "Real-life examples", "Templates for pathways and plans",
                    "We want to show what changes.", "A heading of our own", "Easy-read summary", "We work together.");
        }
    }

    @Test
    void theWordFileOpensWithTheSectionHeadingsAndText() throws Exception {
        MockHttpServletResponse response = download("docx", Role.VIEWER);

        assertThat(response.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("version-1.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            List<String> parts = paragraphs.stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            List<String> sections = paragraphs.stream().filter(p -> "Heading2".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            String text = paragraphs.stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);

            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("Co-production impact framework – " + org.name());
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(parts).startsWith("Introduction and definitions", "Equity, diversity and inclusion", "Using the framework",
                    "Templates").endsWith("Easy-read summary");
            assertThat(sections).contains("Why we are writing this framework", "What we mean by impact, outcomes and activities",
                    "Our definition of co-production, its principles and values", "Whose voices are represented",
                    "Templates for pathways and plans");
            assertThat(paragraphs).anySatisfy(p -> {
                assertThat(p.getStyle()).isEqualTo("Heading3");
                assertThat(p.getText()).isEqualTo("A heading of our own");
            });
            assertThat(text).contains("We want to show what changes.", "• a list, with bold and italic words", "1. numbered",
                    "2. steps", "**Equality**".replace("*", ""), "• We work together.");
            assertThat(paragraphs).anySatisfy(p -> assertThat(p.getRuns()).anySatisfy(r -> {
                assertThat(r.text()).isEqualTo("bold");
                assertThat(r.isBold()).isTrue();
            }));
        }
    }

    @Test
    void theEasyReadPageShowsEachPointWithAPicture() throws Exception {
        String html = download("easy-read", Role.MEMBER).getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);

        assertThat(page.select("h1").text()).isEqualTo("Easy-read summary");
        assertThat(page.select(".app-easy-read-point")).hasSizeGreaterThan(13).allSatisfy(point -> {
            assertThat(point.select("svg.app-easy-read-point__icon")).hasSize(1);
            assertThat(point.select("p.govuk-body-l").text()).isNotBlank();
        });
        assertThat(page.select(".app-easy-read-point p").eachText()).contains("We want to show what changes.", "We work together.",
                "Everyone has something to give.");
    }
}
