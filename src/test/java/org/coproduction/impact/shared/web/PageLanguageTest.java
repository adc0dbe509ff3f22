package org.coproduction.impact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.coproduction.impact.framework.FrameworkService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Whatever language a browser asks for, pages, dates, PDFs and Word files claim only a language the
 * service is written in: English words are never tagged French or Welsh, so a screen reader reads
 * them as English (WCAG 3.1.1) and PDF/UA files carry the right language.
 */
@IntegrationTest
class PageLanguageTest {

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
        org = data.organisationWithEveryRole("Languages");
        Tenant facilitator = new Tenant(new UserId(org.person(Role.FACILITATOR).id()), org.id(), org.name(), Role.FACILITATOR);
        published = frameworks.versions(facilitator).getFirst().id();
        frameworks.publish(facilitator, published, frameworks.aYearFromToday());
    }

    /** Today as the pages print it, in English: "4 December 2026". */
    private static String todayInEnglish() {
        return LocalDate.now(ZoneId.of("Europe/London")).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "fr-FR,fr;q=0.9,en;q=0.5", "cy", "cy-GB", "de-DE", "en-US", "en", "zz", "*"})
    void pagesAndTheirDatesAreInEnglishWhateverTheBrowserAsks(String acceptLanguage) throws Exception {
        String html = mvc.perform(get("/framework/versions/" + published)
                        .header("Accept-Language", acceptLanguage)
                        .with(data.as(org.person(Role.VIEWER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(page.text()).contains(todayInEnglish());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "cy", "en-US"})
    void aPublicPageForAnyoneIsInEnglishToo(String acceptLanguage) throws Exception {
        String html = mvc.perform(get("/sign-in").header("Accept-Language", acceptLanguage))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(Jsoup.parse(html).selectFirst("html").attr("lang")).isEqualTo("en-GB");
    }

    private static String zipEntry(byte[] zip, String name) throws java.io.IOException {
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "cy", "en-GB"})
    void thePdfAndTheWordFileAreTaggedEnglish(String acceptLanguage) throws Exception {
        byte[] pdf = mvc.perform(get("/framework/versions/" + published + "/pdf")
                        .header("Accept-Language", acceptLanguage)
                        .with(data.as(org.person(Role.VIEWER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains(todayInEnglish());
        }

        byte[] docx = mvc.perform(get("/framework/versions/" + published + "/docx")
                        .header("Accept-Language", acceptLanguage)
                        .with(data.as(org.person(Role.VIEWER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getProperties().getCoreProperties().getUnderlyingProperties().getLanguageProperty())
                    .contains("en-GB");
        }
        assertThat(zipEntry(docx, "word/styles.xml")).contains("w:lang w:val=\"en-GB\"");
    }
}
