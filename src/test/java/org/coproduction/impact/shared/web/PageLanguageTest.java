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
 * service is written in (English or Welsh): English words are never tagged French, so a screen
 * reader reads them as English (WCAG 3.1.1), and a Welsh browser gets Welsh words, Welsh dates and
 * Welsh-tagged files.
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

    /** Today as the pages print it in Welsh: "4 Rhagfyr 2026". */
    private static String todayInWelsh() {
        return LocalDate.now(ZoneId.of("Europe/London")).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Languages.WELSH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cy", "cy-GB", "fr, cy;q=0.8", "cy-GB,cy;q=0.9,en-GB;q=0.8"})
    void aWelshBrowserGetsWelshPagesAndDates(String acceptLanguage) throws Exception {
        String html = mvc.perform(get("/framework/versions/" + published)
                        .header("Accept-Language", acceptLanguage)
                        .with(data.as(org.person(Role.VIEWER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("cy-GB");
        assertThat(page.text()).contains(todayInWelsh()).doesNotContain(todayInEnglish());
        assertThat(page.selectFirst("a[hreflang=cy-GB]").attr("aria-current")).isEqualTo("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "fr-FR,fr;q=0.9,en;q=0.5", "de-DE", "en-US", "en", "zz", "*", "en-GB, cy;q=0.5"})
    void pagesAndTheirDatesAreInEnglishForAnyOtherBrowser(String acceptLanguage) throws Exception {
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
    @ValueSource(strings = {"fr:en-GB", "cy:cy-GB", "en-US:en-GB"})
    void aPublicPageForAnyoneIsInTheirLanguageOrEnglish(String askedAndGot) throws Exception {
        String[] parts = askedAndGot.split(":");
        String html = mvc.perform(get("/sign-in").header("Accept-Language", parts[0]))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(Jsoup.parse(html).selectFirst("html").attr("lang")).isEqualTo(parts[1]);
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
    @ValueSource(strings = {"fr:en-GB", "cy:cy-GB", "en-GB:en-GB"})
    void thePdfAndTheWordFileAreTaggedInTheLanguageOfTheirWords(String askedAndGot) throws Exception {
        String acceptLanguage = askedAndGot.split(":")[0];
        String tag = askedAndGot.split(":")[1];
        String today = tag.equals("cy-GB") ? todayInWelsh() : todayInEnglish();
        byte[] pdf = mvc.perform(get("/framework/versions/" + published + "/pdf")
                        .header("Accept-Language", acceptLanguage)
                        .with(data.as(org.person(Role.VIEWER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo(tag);
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains(today);
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
                    .contains(tag);
        }
        assertThat(zipEntry(docx, "word/styles.xml")).contains("w:lang w:val=\"" + tag + "\"");
    }
}
