package org.coproduction.impact.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.form.AboutYou;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.Pictures;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.Response;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.form.Source;
import org.coproduction.impact.evidence.DefaultWays;
import org.coproduction.impact.evidence.EvidenceChange;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.evidence.ReviewAnswer;
import org.coproduction.impact.framework.Part;
import org.coproduction.impact.framework.Section;
import org.coproduction.impact.framework.VersionStatus;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.Change;
import org.coproduction.impact.pathway.OutcomeComment;
import org.coproduction.impact.pathway.StatementKind;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.plan.PlanChange;
import org.coproduction.impact.plan.SuggestionLibrary;
import org.coproduction.impact.plan.Triangulation;
import org.coproduction.impact.organisation.Invitation;
import org.coproduction.impact.organisation.Erasure;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.tracker.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * Keeps every word the service shows in {@code messages.properties} (ARCHITECTURE: messages), so
 * plain-language review and translation happen in one file, and keeps that file honest: no key is
 * missing, none is unused, every translation has the same keys, and every message is a valid
 * {@link MessageFormat} pattern.
 *
 * <p>Unused keys fail the build rather than warn: a warning nobody reads lets dead words pile up,
 * and each one costs a reviewer's and a translator's time (into Welsh, for example) for text no
 * one sees. A key used in a way this test cannot see (a key built at run time) is declared in
 * {@link #DYNAMIC_PREFIXES} or {@link #DYNAMIC_SUFFIXES} with all its expansions, which keeps the
 * missing-key check exact as well.
 */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources");

    /** The easy-read variant of any key: {@code Ui.t} looks up {@code "easyread." + key} first. */
    private static final String EASY_READ = "easyread.";

    /**
     * String literals ending in a dot, joined to something at run time to make a key, and every key
     * each one can make. A new one fails {@link #everyKeyBuiltAtRunTimeIsDeclaredHere()}.
     */
    private static final Map<String, List<String>> DYNAMIC_PREFIXES = Map.ofEntries(
            // ApiScopes.messageKey(): "api.scope." + the scope without "read:"
            Map.entry("api.scope.", org.coproduction.impact.api.ApiScopes.ALL.stream().map(org.coproduction.impact.api.ApiScopes::messageKey).toList()),
            // Erasure.Kind.messageKey(): "erasure.kind." + name().toLowerCase()
            Map.entry("erasure.kind.", Stream.of(Erasure.Kind.values()).map(Erasure.Kind::messageKey).toList()),
            // DataProtectionController: "retention.kind." + field, + ".name"; data-protection.jte: + ".hint"
            Map.entry("retention.kind.", Stream.of("drafts", "responses", "records", "files", "audit")
                    .flatMap(k -> Stream.of("retention.kind." + k, "retention.kind." + k + ".name", "retention.kind." + k + ".hint"))
                    .toList()),
            // Role.messageKey(): "role." + name().toLowerCase()
            Map.entry("role.", Stream.of(Role.values()).map(Role::messageKey).toList()),
            // organisation/people.jte: "invite.status." + i.status().name().toLowerCase()
            Map.entry("invite.status.", Stream.of(Invitation.Status.values())
                    .map(s -> "invite.status." + s.name().toLowerCase(Locale.ROOT))
                    .toList()),
            // The pathway's enums: Term, ActivityKind, StatementKind, OutcomeComment.Status, Change.Kind.
            Map.entry("pathway.term.", Stream.of(Term.values()).map(Term::messageKey).toList()),
            // ConsentUse.messageKey(): what a person agreed their words or picture may be used for
            // The form module's enums and lists: question types, scale styles, statuses, sources, exclusions,
            // the "about you" block (part and choice keys) and the built-in pictures.
            Map.entry("form.question.type.", Stream.of(QuestionType.values()).map(QuestionType::messageKey).toList()),
            Map.entry("form.question.scale.", Stream.of(ScaleStyle.values()).map(ScaleStyle::messageKey).toList()),
            Map.entry("form.status.", Stream.of(FormStatus.values()).map(FormStatus::messageKey).toList()),
            Map.entry("form.source.", Stream.of(Source.values()).map(Source::messageKey).toList()),
            Map.entry("form.response.excluded.", Stream.of(Response.Exclusion.values()).map(Response.Exclusion::messageKey).toList()),
            Map.entry("form.about-you.", Stream.of(AboutYou.values())
                    .flatMap(a -> Stream.concat(Stream.of(a.messageKey()), a.choices().stream().map(a::choiceKey)))
                    .toList()),
            Map.entry("form.picture.", Pictures.ALL.stream().map(Pictures::messageKey).toList()),
            // Who took part (involvement): the parts of "about you" as headings, each group in words for
            // the findings ("Fewer young people took part..."), and which way a finding goes.
            Map.entry("involvement.part.", Stream.of(AboutYou.values()).map(a -> "involvement.part." + a.slug()).toList()),
            Map.entry("involvement.group.", Stream.of(AboutYou.values())
                    .flatMap(a -> a.groups().stream().map(g -> "involvement.group." + a.slug() + "." + g)).toList()),
            Map.entry("involvement.reciprocity.kind.", Stream.of(org.coproduction.impact.involvement.ReciprocityKind.values())
                    .map(org.coproduction.impact.involvement.ReciprocityKind::messageKey).toList()),
            // Access needs (involvement): each need as a choice, and counted in words
            Map.entry("access.need.", Stream.of(org.coproduction.impact.involvement.AccessNeed.values())
                    .map(org.coproduction.impact.involvement.AccessNeed::messageKey).toList()),
            Map.entry("access.count.", Stream.of(org.coproduction.impact.involvement.AccessNeed.values())
                    .map(org.coproduction.impact.involvement.AccessNeed::countKey).toList()),
            Map.entry("involvement.finding.", Stream.of(org.coproduction.impact.involvement.Comparison.Direction.values())
                    .map(org.coproduction.impact.involvement.Comparison.Direction::messageKey).toList()),
            // form/responses-analysis.jte: how a member's answer changed over time
            Map.entry("form.analysis.change.", Stream.of(org.coproduction.impact.form.Analysis.Change.values())
                    .map(org.coproduction.impact.form.Analysis.Change::messageKey).toList()),
            Map.entry("consent.use.", Stream.of(ConsentUse.values()).map(ConsentUse::messageKey).toList()),
            Map.entry("pathway.activity.kind.", Stream.of(ActivityKind.values()).map(ActivityKind::messageKey).toList()),
            Map.entry("pathway.statement.kind.", Stream.of(StatementKind.values()).map(StatementKind::messageKey).toList()),
            Map.entry("pathway.comment.status.", Stream.of(OutcomeComment.Status.values()).map(OutcomeComment.Status::messageKey).toList()),
            Map.entry("pathway.history.change.", Stream.of(Change.Kind.values()).map(Change.Kind::messageKey).toList()),
            // The starter library of 'I' and 'We' statements (BuildPathwayController, build-statements.jte).
            Map.entry("pathway.statement.library.", library("i", "we")),
            Map.entry("pathway.statement.library.i.", library("i")),
            Map.entry("pathway.statement.library.we.", library("we")),
            // The evidence module: types of evidence (name, description, examples), review answers,
            // history actions, and the starting list of ways of collecting evidence.
            Map.entry("evidence.type.", Stream.of(EvidenceType.values())
                    .flatMap(t -> Stream.of(t.messageKey(), t.descriptionKey(), t.examplesKey()))
                    .toList()),
            Map.entry("evidence.review.answer.", Stream.of(ReviewAnswer.values()).map(ReviewAnswer::messageKey).toList()),
            Map.entry("evidence.history.action.", Stream.of(EvidenceChange.Action.values()).map(EvidenceChange.Action::messageKey).toList()),
            Map.entry("evidence.default.", DefaultWays.messageKeys()),
            // The plan module: history actions, why a second type of evidence helps, and the suggestion library.
            Map.entry("plan.history.action.", Stream.of(PlanChange.Action.values()).map(PlanChange.Action::messageKey).toList()),
            Map.entry("plan.triangulate.", Stream.of(EvidenceType.values()).map(Triangulation::reasonKey).toList()),
            Map.entry("plan.suggestion.", SuggestionLibrary.messageKeys()),
            Map.entry("plan.suggestion.theme.", SuggestionLibrary.themeKeys()),
            // The framework's parts, sections (title, guidance, prompts) and version statuses.
            Map.entry("framework.part.", Stream.of(Part.values()).map(Part::titleKey).toList()),
            Map.entry("framework.section.", Stream.of(Section.values()).flatMap(s -> s.messageKeys().stream()).toList()),
            Map.entry("framework.status.", Stream.of(VersionStatus.values()).map(VersionStatus::messageKey).toList()),
            // The tracker's task statuses (TaskStatus.messageKey()).
            Map.entry("tracker.status.", Stream.of(TaskStatus.values()).map(TaskStatus::messageKey).toList()),
            // Outcome reviews (assessment): round statuses, members' three faces, judgements, which way evidence points.
            Map.entry("assessment.round.status.", Stream.of(org.coproduction.impact.assessment.RoundStatus.values())
                    .map(org.coproduction.impact.assessment.RoundStatus::messageKey).toList()),
            Map.entry("assessment.view.", Stream.of(org.coproduction.impact.assessment.OwnView.values())
                    .map(org.coproduction.impact.assessment.OwnView::messageKey).toList()),
            Map.entry("assessment.judgement.", Stream.of(org.coproduction.impact.assessment.Judgement.values())
                    .map(org.coproduction.impact.assessment.Judgement::messageKey).toList()),
            Map.entry("assessment.direction.", Stream.of(org.coproduction.impact.assessment.Direction.values())
                    .map(org.coproduction.impact.assessment.Direction::messageKey).toList()),
            // layout/language-switch.jte: "layout.language." + each supported language's code
            Map.entry("layout.language.", org.coproduction.impact.shared.web.Languages.SUPPORTED.stream()
                    .map(l -> "layout.language." + l.getLanguage()).toList()),
            // form/ResponseExports.Tool.messageKey(): the tools whose exports of responses are read
            Map.entry("form.import.tool.", List.of("form.import.tool.microsoft-forms", "form.import.tool.google-forms",
                    "form.import.tool.surveymonkey")),
            // shared/sheet/SheetRows: the caller's prefix + why a whole spreadsheet cannot be read
            Map.entry("form.import.file.", Stream.of("empty", "old-excel", "unreadable", "too-much").map(r -> "form.import.file." + r).toList()),
            Map.entry("record.import.file.", Stream.of("empty", "old-excel", "unreadable", "too-much").map(r -> "record.import.file." + r).toList()),
            // Ui.t: the easy-read variant, checked by everyEasyReadKeyHasAPlainOne.
            Map.entry(EASY_READ, List.of()));

    private static List<String> library(String... kinds) {
        return Stream.of(kinds)
                .flatMap(k -> IntStream.rangeClosed(1, 6).mapToObj(n -> "pathway.statement.library." + k + "." + n))
                .toList();
    }

    /** String literals starting with a dot, appended to a key at run time, and what they make. */
    private static final Map<String, List<String>> DYNAMIC_SUFFIXES = Map.of(
            // organisation/confirm-erase-person.jte: kind.messageKey() + ".happens"
            ".happens", Stream.of(Erasure.Kind.values()).map(k -> k.messageKey() + ".happens").toList(),
            // role.messageKey() + ".hint" (PeopleController, home/home.jte); term.messageKey() + ".hint" (OutcomeController)
            ".hint", Stream.concat(Stream.of(Role.values()).map(r -> r.messageKey() + ".hint"),
                            Stream.of(Term.values()).map(t -> t.messageKey() + ".hint"))
                    .toList(),
            // term.messageKey() + ".plural" and kind.messageKey() + ".plural" (pathway templates)
            ".plural", Stream.concat(Stream.of(Term.values()).map(t -> t.messageKey() + ".plural"),
                            Stream.of(StatementKind.values()).map(k -> k.messageKey() + ".plural"))
                    .toList());

    /**
     * Dotted lower-case string literals in Java that are not message keys: configuration
     * property names. Every other literal that looks like a key must be one.
     */
    /** Dotted strings that are not message keys: settings and system properties ("user.name"). */
    private static final List<String> NOT_MESSAGE_KEYS =
            List.of("spring.", "app.", "server.", "management.", "logging.", "user.",
                    // metric names (/actuator/prometheus)
                    "coproduction.");

    /**
     * A file's name ("data.json", "postmaster.pid") is not a message key either. Only one dot: keys
     * such as "form.responses.export.csv" are still checked.
     */
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9_-]+\\.(html|json|csv|zip|pid|pdf|docx|xlsx|png|txt)");

    /** HTML attributes whose values people read or hear: literal text in them is a literal string. */
    private static final Set<String> SPOKEN_ATTRIBUTES =
            Set.of("alt", "title", "aria-label", "aria-description", "aria-roledescription", "placeholder");

    /** Template parameters that carry words: a string literal passed to one is literal text. */
    private static final Set<String> WORD_PARAMETERS =
            Set.of("text", "label", "hint", "legend", "title", "summary", "error", "caption", "html");

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
    private static final Pattern UI_KEY = Pattern.compile("Ui\\.(?:t|standard)\\(\\s*\"([^\"]*)\"\\s*[,)]");
    private static final Pattern VALIDATION_KEY = Pattern.compile("\\{([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)}");

    // -------------------------------------------------------------------------------------------
    // (i) No literal words in templates

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".jte")) {
            for (String text : literalText(Files.readString(template))) {
                found.add(TEMPLATES.relativize(template) + ": \"" + text + "\"");
            }
        }

        assertThat(found)
                .as("literal text in templates: put it in messages.properties and use ${Ui.t(\"key\")}")
                .isEmpty();
    }

    @Test
    void theLiteralTextCheckFindsWordsWhereverTheyHide() {
        String template = """
                @import org.coproduction.impact.shared.web.Ui
                @param String name
                <%-- A comment is not shown. --%>
                @template.layout.page(title = Ui.t("x.title"), content = @`
                  <h1 class="govuk-heading-l">${Ui.t("x.title")} Hello</h1>
                  <img src="/a.png" alt="A picture">
                  @if(name.equals("x"))
                    <p>!{var n = name;}${n} &amp; $unsafe{name}</p>
                  @endif
                  @template.components.button(text = "Save", classes = "govuk-button--secondary")
                  <svg><title>Decorative</title></svg>
                `)
                """;

        assertThat(literalText(template)).containsExactlyInAnyOrder("Hello", "alt=\"A picture\"", "text = \"Save\"");
    }

    /** The words left in a template once everything that is not literal text is taken out. */
    static List<String> literalText(String template) {
        List<String> spoken = new ArrayList<>();
        String markup = new TemplateText(template, spoken).markup();
        markup = markup.replaceAll("(?s)<%--.*?--%>", " ")
                .replaceAll("(?is)<svg\\b.*?</svg>", " ")
                .replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ")
                .replaceAll("(?i)<!DOCTYPE[^>]*>", " ");
        Matcher tag = Pattern.compile("<[^>]*>").matcher(markup);
        StringBuilder text = new StringBuilder();
        while (tag.find()) {
            Matcher attribute = Pattern.compile("([a-zA-Z-]+)\\s*=\\s*\"([^\"]*)\"").matcher(tag.group());
            while (attribute.find()) {
                if (SPOKEN_ATTRIBUTES.contains(attribute.group(1).toLowerCase(Locale.ROOT))
                        && attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
                    spoken.add(attribute.group(1) + "=\"" + attribute.group(2) + "\"");
                }
            }
            tag.appendReplacement(text, " ");
        }
        tag.appendTail(text);
        List<String> found = new ArrayList<>();
        for (String line : text.toString().replaceAll("&[#a-zA-Z0-9]+;", " ").split("\\R")) {
            String words = line.strip();
            if (words.codePoints().anyMatch(Character::isLetter)) {
                found.add(words.replaceAll("\\s+", " "));
            }
        }
        found.addAll(spoken);
        return found;
    }

    /**
     * Walks a JTE template and keeps only its markup: drops {@code @import}/{@code @param} lines,
     * {@code ${...}}, {@code $unsafe{...}}, {@code !{...}}, control keywords with their
     * conditions, and template calls, keeping the markup inside content blocks ({@code @`...`}).
     */
    private static final class TemplateText {

        private final String s;
        private final List<String> literals;
        private final StringBuilder out = new StringBuilder();
        private int i;

        TemplateText(String s, List<String> literals) {
            this.s = s;
            this.literals = literals;
        }

        String markup() {
            copyUntil(-1);
            return out.toString();
        }

        /** Copies markup until the closing backtick of a content block (or the end when {@code -1}). */
        private void copyUntil(int closing) {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (closing == '`' && c == '`') {
                    i++;
                    return;
                }
                if (s.startsWith("<%--", i)) {
                    int end = s.indexOf("--%>", i);
                    i = end < 0 ? s.length() : end + 4;
                } else if (s.startsWith("${", i) || s.startsWith("!{", i)) {
                    i = skipBalanced(i + 1, '{', '}');
                } else if (s.startsWith("$unsafe{", i)) {
                    i = skipBalanced(i + 7, '{', '}');
                } else if (s.startsWith("@import", i) || s.startsWith("@param", i)) {
                    int end = s.indexOf('\n', i);
                    i = end < 0 ? s.length() : end;
                } else if (s.startsWith("@template.", i)) {
                    templateCall();
                } else if (c == '@' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
                    int j = i + 1;
                    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)))) {
                        j++;
                    }
                    i = j < s.length() && s.charAt(j) == '(' ? skipBalanced(j, '(', ')') : j;
                    out.append(' ');
                } else {
                    out.append(c);
                    i++;
                }
            }
        }

        /** A call such as {@code @template.components.button(text = Ui.t("k"), content = @`...`)}. */
        private void templateCall() {
            int open = s.indexOf('(', i);
            i = open + 1;
            StringBuilder argument = new StringBuilder();
            int depth = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') {
                    int end = stringEnd(i);
                    argument.append(s, i, end);
                    i = end;
                } else if (s.startsWith("@`", i)) {
                    i += 2;
                    out.append(' ');
                    copyUntil('`');
                    out.append(' ');
                    argument.append("@``");
                } else if (c == '(') {
                    depth++;
                    argument.append(c);
                    i++;
                } else if (c == ')' && depth > 0) {
                    depth--;
                    argument.append(c);
                    i++;
                } else if ((c == ',' || c == ')') && depth == 0) {
                    checkArgument(argument.toString());
                    argument.setLength(0);
                    i++;
                    if (c == ')') {
                        out.append(' ');
                        return;
                    }
                } else {
                    argument.append(c);
                    i++;
                }
            }
        }

        private void checkArgument(String argument) {
            Matcher named = Pattern.compile("(?s)\\s*([A-Za-z]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\")\\s*").matcher(argument);
            if (named.matches()
                    && WORD_PARAMETERS.contains(named.group(1))
                    && named.group(2).codePoints().anyMatch(Character::isLetter)) {
                literals.add(named.group(1) + " = " + named.group(2));
            }
        }

        private int skipBalanced(int open, char opening, char closing) {
            int depth = 0;
            int j = open;
            while (j < s.length()) {
                char c = s.charAt(j);
                if (c == '"') {
                    j = stringEnd(j);
                    continue;
                }
                if (c == opening) {
                    depth++;
                } else if (c == closing && --depth == 0) {
                    return j + 1;
                }
                j++;
            }
            return j;
        }

        private int stringEnd(int quote) {
            int j = quote + 1;
            while (j < s.length() && s.charAt(j) != '"') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(j + 1, s.length());
        }
    }

    // -------------------------------------------------------------------------------------------
    // (ii) Every key used exists; (vi) every key that exists is used

    @Test
    void everyKeyUsedExists() throws IOException {
        Set<String> defined = messages("messages.properties").keySet();
        Set<String> missing = new TreeSet<>(usedKeys().keySet());
        missing.removeAll(defined);

        assertThat(missing)
                .as("keys used in code or templates but missing from messages.properties (used in %s)",
                        usedKeys().entrySet().stream().filter(e -> missing.contains(e.getKey())).toList())
                .isEmpty();
    }

    @Test
    void everyKeyDefinedIsUsed() throws IOException {
        Set<String> used = usedKeys().keySet();
        Set<String> unused = new TreeSet<>();
        for (String key : messages("messages.properties").keySet()) {
            String plain = key.startsWith(EASY_READ) ? key.substring(EASY_READ.length()) : key;
            if (!used.contains(plain)) {
                unused.add(key);
            }
        }

        assertThat(unused)
                .as("keys no template or class uses: remove them, or declare how they are built in MessagesTest")
                .isEmpty();
    }

    @Test
    void everyKeyBuiltAtRunTimeIsDeclaredHere() throws IOException {
        Set<String> undeclared = new TreeSet<>();
        for (Path file : sources()) {
            for (Literal literal : stringLiterals(Files.readString(file), file.toString().endsWith(".java"))) {
                String v = literal.value();
                if (v.endsWith(".") && KEY.matcher(v + "x").matches() && literal.joined() && !isConfiguration(v)) {
                    if (!DYNAMIC_PREFIXES.containsKey(v)) {
                        undeclared.add(file + ": \"" + v + "\" + ...");
                    }
                }
                if (v.startsWith(".") && KEY.matcher("x" + v).matches() && literal.appendedToKey()) {
                    if (!DYNAMIC_SUFFIXES.containsKey(v)) {
                        undeclared.add(file + ": ... + \"" + v + "\"");
                    }
                }
            }
        }

        assertThat(undeclared)
                .as("message keys built at run time: list every key each can make in MessagesTest.DYNAMIC_PREFIXES/SUFFIXES")
                .isEmpty();
    }

    /** Every key the code and templates use, with where it was first seen. */
    static Map<String, String> usedKeys() throws IOException {
        Map<String, String> used = new LinkedHashMap<>();
        for (Path file : sources()) {
            String source = Files.readString(file);
            boolean java = file.toString().endsWith(".java");
            for (Literal literal : stringLiterals(source, java)) {
                String v = literal.value();
                Matcher validation = VALIDATION_KEY.matcher(v);
                if (validation.matches()) {
                    used.putIfAbsent(validation.group(1), file.toString());
                } else if (java && KEY.matcher(v).matches() && !isConfiguration(v)) {
                    used.putIfAbsent(v, file.toString());
                }
            }
            if (!java) {
                Matcher key = UI_KEY.matcher(source);
                while (key.find()) {
                    used.putIfAbsent(key.group(1), file.toString());
                }
            }
        }
        DYNAMIC_PREFIXES.values().forEach(keys -> keys.forEach(k -> used.putIfAbsent(k, "built at run time")));
        DYNAMIC_SUFFIXES.values().forEach(keys -> keys.forEach(k -> used.putIfAbsent(k, "built at run time")));
        return used;
    }

    private static boolean isConfiguration(String value) {
        return NOT_MESSAGE_KEYS.stream().anyMatch(value::startsWith) || FILE_NAME.matcher(value).matches();
    }

    private static List<Path> sources() {
        List<Path> all = new ArrayList<>(files(JAVA, ".java"));
        all.addAll(files(TEMPLATES, ".jte"));
        return all;
    }

    /**
     * A string literal; whether a {@code +} joins it to what follows; and whether it is appended
     * to a method whose name ends in {@code Key()}, the naming convention for a method that
     * returns a message key (like {@code Role.messageKey()}).
     */
    record Literal(String value, boolean joined, boolean appendedToKey) {}

    /**
     * The string literals in Java or JTE source, outside comments. Java text blocks (SQL) are
     * skipped: they hold no message keys.
     */
    static List<Literal> stringLiterals(String source, boolean java) {
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
            } else if (java && source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i) && java) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("<%--", i)) {
                int end = source.indexOf("--%>", i + 4);
                i = end < 0 ? source.length() : end + 4;
            } else if (java && source.charAt(i) == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != '\'') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (source.charAt(i) == '"') {
                int j = i + 1;
                StringBuilder value = new StringBuilder();
                while (j < source.length() && source.charAt(j) != '"' && source.charAt(j) != '\n') {
                    if (source.charAt(j) == '\\' && j + 1 < source.length()) {
                        value.append(source.charAt(j + 1));
                        j += 2;
                    } else {
                        value.append(source.charAt(j++));
                    }
                }
                String after = source.substring(Math.min(j + 1, source.length())).stripLeading();
                String before = source.substring(0, i).stripTrailing();
                boolean appendedToKey = before.endsWith("+")
                        && before.substring(0, before.length() - 1).stripTrailing().endsWith("Key()");
                literals.add(new Literal(value.toString(), after.startsWith("+"), appendedToKey));
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    @Test
    void theKeyScanSeesKeysWhereverTheCodeKeepsThem() {
        String java = """
                @NotBlank(message = "{demo.name.required}") String name;
                // Ui.t("demo.in-a-comment") is not a use
                String key = ok ? "demo.notice" : "demo.other";
                String dynamic = "demo.kind." + kind;
                String hint = kind.messageKey() + ".hint";
                String attribute = Demo.class.getName() + ".attribute";
                char quote = '"';
                String config = "app.base-url";
                """;

        List<Literal> literals = stringLiterals(java, true);

        assertThat(literals).extracting(Literal::value)
                .containsExactly("{demo.name.required}", "demo.notice", "demo.other", "demo.kind.", ".hint", ".attribute",
                        "app.base-url");
        assertThat(literals).filteredOn(Literal::joined).extracting(Literal::value).containsExactly("demo.kind.");
        assertThat(literals).filteredOn(Literal::appendedToKey).extracting(Literal::value).containsExactly(".hint");
    }

    // -------------------------------------------------------------------------------------------
    // (iii) Translations have exactly the same keys; (iv) easy-read keys have a plain key

    @Test
    void everyTranslationHasExactlyTheKeysOfTheEnglish() throws IOException {
        Set<String> english = messages("messages.properties").keySet();
        List<String> problems = new ArrayList<>();
        for (Path translation : files(RESOURCES, ".properties")) {
            String name = translation.getFileName().toString();
            if (!name.startsWith("messages_")) {
                continue;
            }
            Set<String> keys = messages(name).keySet();
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(english);
            if (!missing.isEmpty()) {
                problems.add(name + " lacks " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add(name + " has keys the English does not: " + extra);
            }
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void everySupportedLanguageHasItsOwnWords() {
        List<String> missing = org.coproduction.impact.shared.web.Languages.SUPPORTED.stream()
                .skip(1) // the default, English, is messages.properties itself
                .map(l -> "messages_" + l.getLanguage() + ".properties")
                .filter(name -> !Files.exists(RESOURCES.resolve(name)))
                .toList();

        assertThat(missing).as("a supported language without its words would show English, tagged as that language")
                .isEmpty();
    }

    @Test
    void everyTranslationHasThePlaceholdersOfTheEnglish() throws IOException {
        Map<String, String> english = messages("messages.properties");
        List<String> problems = new ArrayList<>();
        for (Path translation : files(RESOURCES, ".properties")) {
            String name = translation.getFileName().toString();
            if (!name.startsWith("messages_")) {
                continue;
            }
            messages(name).forEach((key, value) -> {
                String original = english.get(key);
                if (original != null) {
                    problems.addAll(placeholderProblems(name + ": " + key, original, value));
                }
            });
        }

        assertThat(problems).isEmpty();
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    /** The argument numbers a pattern uses ({0}, {1,choice,...}): a translation must use the same ones. */
    static List<String> placeholderProblems(String where, String english, String translated) {
        Set<String> want = placeholders(english);
        Set<String> got = placeholders(translated);
        return want.equals(got) ? List.of() : List.of(where + " uses " + got + " where the English uses " + want);
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add("{" + m.group(1) + "}");
        }
        return found;
    }

    @Test
    void thePlaceholderCheckCatchesAMissingOrWrongArgument() {
        assertThat(placeholderProblems("k", "Hello {0}", "Helo {0}")).isEmpty();
        assertThat(placeholderProblems("k", "{0,choice,1#one|1<{0} many}", "{0,choice,1#un|1<{0} llawer}")).isEmpty();
        assertThat(placeholderProblems("k", "Hello {0}", "Helo")).singleElement().asString().contains("{0}");
        assertThat(placeholderProblems("k", "{0} of {1}", "{0} o {2}")).hasSize(1);
    }

    @Test
    void everyEasyReadKeyHasAPlainOne() throws IOException {
        Map<String, String> messages = messages("messages.properties");
        List<String> orphans = messages.keySet().stream()
                .filter(k -> k.startsWith(EASY_READ))
                .filter(k -> !messages.containsKey(k.substring(EASY_READ.length())))
                .sorted()
                .toList();

        assertThat(orphans).as("easy-read wording for a key that does not exist").isEmpty();
    }

    // -------------------------------------------------------------------------------------------
    // (v) Every message is a valid MessageFormat pattern, with typographic apostrophes

    @Test
    void everyMessageIsAValidPatternWithTypographicApostrophes() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(RESOURCES, ".properties")) {
            String name = file.getFileName().toString();
            if (!name.startsWith("messages")) {
                continue;
            }
            messages(name).forEach((key, value) -> {
                problems.addAll(patternProblems(name + ": " + key, value));
            });
        }

        assertThat(problems).isEmpty();
    }

    static List<String> patternProblems(String where, String value) {
        List<String> problems = new ArrayList<>();
        if (value.indexOf('\'') >= 0) {
            problems.add(where + " has an ASCII apostrophe: MessageFormat drops it and what follows"
                    + " when arguments are passed; use ’");
        }
        try {
            new MessageFormat(value, Locale.UK);
        } catch (IllegalArgumentException e) {
            problems.add(where + " is not a valid MessageFormat pattern: " + e.getMessage());
        }
        return problems;
    }

    @Test
    void thePatternCheckCatchesBadMessages() {
        assertThat(patternProblems("k", "You’re in {0}")).isEmpty();
        assertThat(patternProblems("k", "You're in {0}")).singleElement().asString().contains("ASCII apostrophe");
        assertThat(patternProblems("k", "Broken {0")).singleElement().asString().contains("not a valid");
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        List<String> duplicates = new ArrayList<>();
        for (Path file : files(RESOURCES, ".properties")) {
            if (!file.getFileName().toString().startsWith("messages")) {
                continue;
            }
            Set<String> seen = new TreeSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("!") || !l.contains("=")) {
                    continue;
                }
                String key = l.substring(0, l.indexOf('=')).strip();
                if (!seen.add(key)) {
                    duplicates.add(file.getFileName() + ": " + key);
                }
            }
        }

        assertThat(duplicates).as("a second definition silently replaces the first").isEmpty();
    }

    // -------------------------------------------------------------------------------------------

    /** A message bundle, read as UTF-8 as Spring Boot reads it. */
    static Map<String, String> messages(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> messages = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> messages.put(k, properties.getProperty(k)));
        return messages;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSourcesAreWhereThisTestLooks() {
        assertThat(files(TEMPLATES, ".jte")).hasSizeGreaterThan(10);
        assertThat(files(JAVA, ".java")).hasSizeGreaterThan(10);
        assertThat(Files.exists(RESOURCES.resolve("messages.properties"))).isTrue();
    }
}
