package org.coproduction.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.coproduction.impact.EndpointSweepTest.Endpoint;
import org.coproduction.impact.EndpointSweepTest.Fixture;
import org.coproduction.impact.shared.tenancy.EndpointAccess;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestData.Person;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The malicious input suite (issue 15): every form the service shows is found by walking the
 * endpoint list like {@link EndpointSweepTest} (its fixture: a real organisation A with a project,
 * forms, records and data), opening every page as the most powerful role of A allowed to see it,
 * and reading each {@code <form method="post">} on it with jsoup. Each form is then sent once per
 * payload of the corpus in {@code src/test/resources/malicious/text-payloads.txt}, with every field
 * a person types into (text, text area, number, date, email, password, search) holding the payload,
 * choices left at their first option and hidden fields as the page gave them; a form with a file
 * field gets the HTML/JS polyglot JPEG. A sample of the corpus is sent: every payload but the formula
 * ones (harmless on a page; {@link FormulaCellsInEveryExportTest} sends those to every export), and no
 * cross product of payloads between fields (each send puts the same payload in every field), which
 * keeps the suite to a couple of minutes on two shared cores.
 *
 * <p>For every send: no server error (the status is one of {@link #CLEAR_ANSWERS}); a refusal
 * (4xx) leaves the organisation's rows exactly as they were (counted in every table that has an
 * {@code organisation_id}, except the audit log, which may note a refused attempt); and neither the
 * answer, the page it sends on to, nor the form's own page shown again has markup from the payload
 * in it (checked with jsoup: no element the payloads bring, no {@code on...} attribute, no inline
 * script, no {@code javascript:} address). Forms that only sign out are left out: they would end
 * the session the rest of the page's forms are sent in. Each form (its address pattern and field
 * names) is sent from the first page that shows it only, and a page is opened in a fresh fixture only when a
 * form was sent in the last one, so the pages that show only forms already sent cost one request each.
 */
@IntegrationTest
@TestPropertySource(properties = "app.operator.usernames=" + EndpointSweepTest.OPERATOR)
public class MaliciousInputSweepTest {

    /** Every answer the suite accepts: done, sent on, or refused in plain words; never a 5xx. */
    static final Set<Integer> CLEAR_ANSWERS = Set.of(200, 201, 204, 302, 303, 400, 403, 404, 409, 413, 415, 422);

    /** The attribute every payload's element carries, so anything that reaches the page as markup is found. */
    static final String MARK = "data-pwn";

    private static final Set<String> TYPED = Set.of("", "text", "textarea", "number", "date", "email", "password",
            "search", "tel", "url", "time", "datetime-local", "month");

    private static final Set<String> SENT = ConcurrentHashMap.newKeySet();

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    public static List<String> payloads() {
        try (InputStream in = MaliciousInputSweepTest.class.getResourceAsStream("/malicious/text-payloads.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> payloads = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    // The file holds escapes for what cannot be typed in it: \0 NUL, \t tab, \r carriage return,
                    // \x{202E} any code point (a right-to-left override), \D800 a lone surrogate.
                    payloads.add(unescape(line));
                }
            }
            return payloads;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unescape(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(i + 1);
                if (n == '0') {
                    out.append('\0');
                    i++;
                    continue;
                } else if (n == 't') {
                    out.append('\t');
                    i++;
                    continue;
                } else if (n == 'r') {
                    out.append('\r');
                    i++;
                    continue;
                } else if (n == 'x' && i + 2 < line.length() && line.charAt(i + 2) == '{') {
                    int end = line.indexOf('}', i);
                    out.appendCodePoint(Integer.parseInt(line.substring(i + 3, end), 16));
                    i = end;
                    continue;
                } else if (n == 'D' && line.startsWith("\\D800", i)) {
                    out.append('\uD800');
                    i += 4;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    static byte[] corpusFile(String name) {
        try (InputStream in = MaliciousInputSweepTest.class.getResourceAsStream("/malicious/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFormTakesEveryPayloadWithAClearAnswerAndNothingRunsOrIsHalfStored() {
        EndpointSweepTest sweep = new EndpointSweepTest();
        beans.autowireBean(sweep);
        List<Endpoint> all = sweep.endpoints();
        // Formula payloads are harmless on a page; they are sent to the exports by FormulaCellsInEveryExportTest.
        List<String> payloads = payloads().stream().filter(p -> !org.coproduction.impact.shared.document.Csv.couldRun(p)).toList();
        return all.stream()
                .filter(e -> e.method() == HttpMethod.GET)
                .filter(e -> e.access() != null && !(e.access() instanceof EndpointAccess.Api)
                        && !(e.access() instanceof EndpointAccess.Operator))
                .filter(e -> !e.pattern().endsWith(".csv") && !e.pattern().endsWith(".xlsx") && !e.pattern().endsWith(".zip")
                        && !e.pattern().startsWith("/media/") && !e.pattern().equals("/error"))
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> everyFormOn(sweep, e, all, payloads)));
    }

    /** The fixture pages are opened in; made again only after a form was sent in it (a send may change or delete its data). */
    private static volatile @Nullable Fixture unused;

    private void everyFormOn(EndpointSweepTest sweep, Endpoint page, List<Endpoint> all, List<String> payloads) throws Exception {
        Fixture fresh = unused;
        Fixture f = fresh != null ? fresh : sweep.newFixture();
        unused = f;
        String uri = EndpointSweepTest.expand(page.pattern(), f);
        @Nullable Person who = strongestAllowed(page.access(), f);
        RequestPostProcessor as = who == null ? r -> r : data.as(who);
        MockHttpServletResponse shown = mvc.perform(get(uri).accept(MediaType.TEXT_HTML).with(as)).andReturn().getResponse();
        if (shown.getStatus() != 200 || shown.getContentType() == null || !shown.getContentType().startsWith("text/html")) {
            return;
        }
        Document doc = Jsoup.parse(shown.getContentAsString(), "http://localhost" + uri);
        List<String> problems = new ArrayList<>();
        for (Element form : doc.select("form")) {
            if (!"post".equalsIgnoreCase(form.attr("method"))) {
                continue;
            }
            String action = form.hasAttr("action") ? URI.create(form.absUrl("action")).getRawPath() : URI.create(uri).getPath();
            String query = form.hasAttr("action") ? URI.create(form.absUrl("action")).getRawQuery() : null;
            Map<String, String> fixed = new LinkedHashMap<>();
            List<String> typed = new ArrayList<>();
            List<String> files = new ArrayList<>();
            fields(form, fixed, typed, files);
            if (action.equals("/sign-out") || (typed.isEmpty() && files.isEmpty())) {
                continue;
            }
            String key = patternOf(action, all) + " " + typed + files;
            if (!SENT.add(key)) {
                continue;
            }
            unused = null;
            for (String payload : payloads) {
                String what = "form to " + action + " on " + uri + " with " + printable(payload);
                Map<OrganisationId, Map<String, Long>> before = rows(f);
                AbstractMockHttpServletRequestBuilder<?> request;
                if (!files.isEmpty()) {
                    MockMultipartHttpServletRequestBuilder upload = multipart(action + (query == null ? "" : "?" + query));
                    for (String file : files) {
                        upload.file(new MockMultipartFile(file, "photo.jpg", "image/jpeg", corpusFile("polyglot.jpg")));
                    }
                    request = upload;
                } else {
                    request = post(action + (query == null ? "" : "?" + query));
                }
                fixed.forEach(request::param);
                for (String name : typed) {
                    request.param(name, payload);
                }
                request.accept(MediaType.TEXT_HTML).with(csrf()).with(as);
                MockHttpServletResponse answer = mvc.perform(request).andReturn().getResponse();
                if (!CLEAR_ANSWERS.contains(answer.getStatus())) {
                    problems.add(what + ": status " + answer.getStatus());
                }
                problems.addAll(markup(what, answer));
                if (answer.getStatus() >= 400 && !before.equals(rows(f))) {
                    problems.add(what + ": refused with " + answer.getStatus() + " but rows changed: " + before + " -> " + rows(f));
                }
                String next = answer.getRedirectedUrl();
                if (next != null && next.startsWith("/")) {
                    problems.addAll(markup(what + ", then " + next,
                            mvc.perform(get(next).accept(MediaType.TEXT_HTML).with(as)).andReturn().getResponse()));
                }
                if (answer.getStatus() < 400) {
                    problems.addAll(markup(what + ", then the page again",
                            mvc.perform(get(uri).accept(MediaType.TEXT_HTML).with(as)).andReturn().getResponse()));
                }
            }
        }
        assertThat(problems).as(page.toString()).isEmpty();
    }

    /** The form's fields: hidden ones and choices as the page gave them, the typed ones by name, files by name. */
    static void fields(Element form, Map<String, String> fixed, List<String> typed, List<String> files) {
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            String name = field.attr("name");
            if (name.equals("_csrf")) {
                continue;
            }
            String type = field.tagName().equals("input") ? field.attr("type").toLowerCase(Locale.ROOT) : field.tagName();
            switch (type) {
                case "hidden", "submit" -> fixed.putIfAbsent(name, field.attr("value"));
                case "file" -> files.add(name);
                case "radio" -> fixed.putIfAbsent(name, field.attr("value"));
                case "checkbox" -> {
                    if (field.hasAttr("checked")) {
                        fixed.putIfAbsent(name, field.attr("value").isEmpty() ? "on" : field.attr("value"));
                    }
                }
                case "select" -> {
                    Element option = field.selectFirst("option[selected]");
                    option = option != null ? option : field.selectFirst("option");
                    if (option != null) {
                        fixed.putIfAbsent(name, option.hasAttr("value") ? option.attr("value") : option.text());
                    }
                }
                default -> {
                    if (TYPED.contains(type) && !typed.contains(name)) {
                        typed.add(name);
                    }
                }
            }
        }
        for (Element button : form.select("button[name]")) {
            fixed.putIfAbsent(button.attr("name"), button.attr("value"));
        }
    }

    /** What in an HTML answer could run or came from a payload as markup. */
    static List<String> markup(String what, MockHttpServletResponse response) throws IOException {
        String type = response.getContentType();
        if (type == null || !type.startsWith("text/html")) {
            return List.of();
        }
        return markup(what, Jsoup.parse(response.getContentAsString()));
    }

    static List<String> markup(String what, Document doc) {
        List<String> problems = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                if (name.equals(MARK) || name.startsWith("on")) {
                    problems.add(what + ": markup from the payload reached the page: " + e.outerHtml());
                } else if ((name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction"))
                        && value.startsWith("javascript:")) {
                    problems.add(what + ": a javascript: address reached the page: " + e.outerHtml());
                }
            }
            if (e.tagName().equals("script") && !e.hasAttr("src") && !e.data().isBlank()) {
                problems.add(what + ": an inline script reached the page: " + e.outerHtml());
            }
        }
        return problems;
    }

    /** The organisation's rows, counted per table that has an organisation_id (the audit log aside). */
    Map<OrganisationId, Map<String, Long>> rows(Fixture f) {
        List<String> tables = jdbc.sql("""
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                        where c.column_name = 'organisation_id' and c.table_schema = current_schema()
                          and t.table_type = 'BASE TABLE' and c.table_name <> 'audit_event'
                        order by 1
                        """).query(String.class).list();
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(select count(*) from ").append(tables.get(i))
                    .append(" where organisation_id = :org)");
        }
        Map<String, Long> counts = jdbc.sql(sql.toString()).param("org", f.a().id().value()).query(rs -> {
            Map<String, Long> out = new LinkedHashMap<>();
            rs.next();
            for (int i = 0; i < tables.size(); i++) {
                out.put(tables.get(i), rs.getLong(i + 1));
            }
            return out;
        });
        return Map.of(f.a().id(), counts);
    }

    private static String patternOf(String action, List<Endpoint> all) {
        org.springframework.util.AntPathMatcher matcher = new org.springframework.util.AntPathMatcher();
        return all.stream().filter(e -> e.method() == HttpMethod.POST)
                .map(Endpoint::pattern)
                .filter(p -> p.equals(action) || matcher.match(p.replaceAll("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}", "*"), action))
                .findFirst().orElse(action);
    }

    private static String printable(String payload) {
        StringBuilder out = new StringBuilder();
        payload.codePoints().limit(60).forEach(c -> {
            if (c < 0x20 || (c >= 0x200E && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || Character.isSurrogate((char) c)) {
                out.append(String.format("\\x{%X}", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The most powerful role of A the page lets in (ADMIN first), or nobody for a public page. */
    private static @Nullable Person strongestAllowed(EndpointAccess access, Fixture f) {
        return switch (access) {
            case EndpointAccess.Public p -> null;
            case EndpointAccess.Roles r -> Stream.of(Role.ADMIN, Role.FACILITATOR, Role.MEMBER, Role.VIEWER)
                    .filter(r.allowed()::contains).findFirst().map(role -> f.a().person(role)).orElse(null);
            default -> f.a().admin();
        };
    }
}
