package org.coproduction.impact.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.coproduction.impact.pathway.DiagramPathwayBuilder.aPathway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

class PathwayDiagramTest {

    static final PathwayDiagram.Options OPTIONS = new PathwayDiagram.Options(
            "Pathway to impact",
            "2 activities, 2 short-term outcomes, 1 medium-term outcome and 1 long-term outcome, leading to the impact.",
            "Activities",
            "Short-term outcomes",
            "Medium-term outcomes",
            "Long-term outcomes",
            "Impact",
            "Project impact",
            "Co-production impact",
            "Not written yet",
            false);

    static final PathwayDiagram.Options EASY_READ = new PathwayDiagram.Options(
            "Our plan for change", "What we do and what it changes.", "Things we do", "First changes",
            "Next changes", "Later changes", "The big change", "What we make", "Why doing it together matters",
            "Not written yet", true);

    /** The worked example from the seeds, in small. */
    static DiagramPathwayBuilder dayCentre() {
        return aPathway()
                .withOutcome(Term.SHORT, "Steering group formed with terms of reference")
                .withOutcome(Term.SHORT, "Staff understand co-production better")
                .withOutcome(Term.MEDIUM, "People help decide the service plan")
                .withOutcome(Term.LONG, "The day centre matches people’s needs")
                .link("Steering group formed with terms of reference", "People help decide the service plan")
                .link("Staff understand co-production better", "People help decide the service plan")
                .link("People help decide the service plan", "The day centre matches people’s needs")
                .leadsToImpact("The day centre matches people’s needs")
                .withActivity("Monthly group meeting", "Steering group formed with terms of reference")
                .withActivity("Co-production training for staff", "Staff understand co-production better",
                        "People help decide the service plan");
    }

    @Test
    void drawsWellFormedStandaloneSvg() throws Exception {
        Document svg = parse(PathwayDiagram.svg(dayCentre().build(), OPTIONS));

        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("viewBox")).matches("0 0 \\d+ \\d+");
    }

    @Test
    void isAnImageNamedByItsTitleAndDescribedByItsDesc() throws Exception {
        Document svg = parse(PathwayDiagram.svg(dayCentre().build(), OPTIONS));
        Element root = svg.getDocumentElement();

        assertThat(root.getAttribute("role")).isEqualTo("img");
        String[] ids = root.getAttribute("aria-labelledby").split(" ");
        assertThat(ids).hasSize(2);
        Element title = byId(svg, ids[0]);
        Element desc = byId(svg, ids[1]);
        assertThat(title.getLocalName()).isEqualTo("title");
        assertThat(title.getTextContent()).isEqualTo("Pathway to impact");
        assertThat(title.getParentNode()).isSameAs(root);
        assertThat(firstElementChild(root)).isSameAs(title);
        assertThat(desc.getLocalName()).isEqualTo("desc");
        assertThat(desc.getTextContent()).isEqualTo(OPTIONS.description());
    }

    @Test
    void showsEveryCurrentOutcomeAndActivityWithEscapedTitles() throws Exception {
        Pathway pathway = dayCentre()
                .withOutcome(Term.SHORT, "Carers & staff say \"it’s ours\" <together>")
                .link("Carers & staff say \"it’s ours\" <together>", "People help decide the service plan")
                .withActivity("Tea & cake 'drop-in'", "Carers & staff say \"it’s ours\" <together>")
                .build();
        String raw = PathwayDiagram.svg(pathway, OPTIONS);
        Drawing drawing = Drawing.of(raw);

        for (Outcome o : pathway.currentOutcomes()) {
            assertThat(drawing.labels()).contains(o.title());
        }
        for (Activity a : pathway.currentActivities()) {
            assertThat(drawing.labels()).contains(a.title());
        }
        assertThat(raw)
                .contains("Carers &amp; staff say &quot;it’s", "ours&quot; &lt;together&gt;")
                .contains("Tea &amp; cake &#39;drop-in&#39;")
                .doesNotContain("<together>", "'drop-in'");
    }

    @Test
    void leavesOutArchivedOutcomesAndActivitiesAndTheirLinks() throws Exception {
        Pathway pathway = dayCentre()
                .withOutcome(Term.MEDIUM, "An outcome we dropped")
                .link("Staff understand co-production better", "An outcome we dropped")
                .withActivity("A workshop we cancelled", "Staff understand co-production better")
                .withActivity("A meeting still on", "An outcome we dropped")
                .archived("An outcome we dropped")
                .archived("A workshop we cancelled")
                .build();
        Drawing drawing = Drawing.of(PathwayDiagram.svg(pathway, OPTIONS));

        assertThat(drawing.labels()).doesNotContain("An outcome we dropped", "A workshop we cancelled");
        assertThat(drawing.labels()).contains("A meeting still on");
        assertThat(drawing.edges()).noneMatch(e -> e.contains("An outcome we dropped") || e.contains("A workshop we cancelled"));
    }

    @Test
    void putsActivitiesThenShortMediumAndLongTermOutcomesThenTheImpactFromLeftToRight() throws Exception {
        Drawing drawing = Drawing.of(PathwayDiagram.svg(dayCentre().build(), OPTIONS));

        assertColumnsInOrder(drawing);
    }

    @Test
    void keepsColumnsInOrderWhenLinksGoBackwardsOrNowhere() throws Exception {
        Pathway pathway = dayCentre()
                // Out of sequence: a long-term outcome leading to a short-term one.
                .withOutcome(Term.LONG, "More people are happy to use the centre")
                .link("More people are happy to use the centre", "Staff understand co-production better")
                // Unlinked: ELK would lay these out apart from the rest if it could.
                .withOutcome(Term.LONG, "Nothing leads here yet")
                .withOutcome(Term.SHORT, "Nor here")
                .withActivity("An activity on its own")
                .build();
        Drawing drawing = Drawing.of(PathwayDiagram.svg(pathway, OPTIONS));

        assertColumnsInOrder(drawing);
        assertThat(drawing.labels()).contains("Nothing leads here yet", "Nor here", "An activity on its own");
    }

    @Test
    void drawsOneArrowPerLink() throws Exception {
        Drawing drawing = Drawing.of(PathwayDiagram.svg(dayCentre().build(), OPTIONS));

        assertThat(drawing.edges()).containsExactlyInAnyOrder(
                List.of("Monthly group meeting", "Steering group formed with terms of reference"),
                List.of("Co-production training for staff", "Staff understand co-production better"),
                List.of("Co-production training for staff", "People help decide the service plan"),
                List.of("Steering group formed with terms of reference", "People help decide the service plan"),
                List.of("Staff understand co-production better", "People help decide the service plan"),
                List.of("People help decide the service plan", "The day centre matches people’s needs"),
                List.of("The day centre matches people’s needs", "impact"));
        assertThat(drawing.document.getElementsByTagNameNS("*", "path").getLength())
                .as("one path per edge, plus the arrowhead in the marker")
                .isEqualTo(7 + 1);
        assertThat(drawing.document.getElementsByTagNameNS("*", "marker").getLength()).isEqualTo(1);
    }

    @Test
    void showsBothPartsOfTheImpact() throws Exception {
        Drawing drawing = Drawing.of(PathwayDiagram.svg(dayCentre().build(), OPTIONS));

        assertThat(drawing.label("impact"))
                .contains("Project impact")
                .contains("A day centre for people with learning disabilities")
                .contains("Co-production impact")
                .contains("The day centre is how people want it to be");
    }

    @Test
    void drawsAnEmptyPathwayAsTheImpactAlone() throws Exception {
        Pathway empty = aPathway().withoutProblemOrImpact().build();
        Drawing drawing = Drawing.of(PathwayDiagram.svg(empty, OPTIONS));

        assertThat(drawing.kinds.values()).containsExactly("impact");
        assertThat(drawing.label("impact")).isEqualTo("Project impact Not written yet Co-production impact Not written yet");
        assertThat(drawing.edges()).isEmpty();
    }

    @Test
    void drawsAPathwayThatGoesRoundInCircles() throws Exception {
        Pathway pathway = dayCentre()
                .withOutcome(Term.MEDIUM, "Trust grows")
                .withOutcome(Term.MEDIUM, "More people join in")
                .link("Trust grows", "More people join in")
                .link("More people join in", "Trust grows")
                .link("Trust grows", "Trust grows")
                .build();

        assertThatCode(() -> PathwayDiagram.svg(pathway, OPTIONS)).doesNotThrowAnyException();
        Drawing drawing = Drawing.of(PathwayDiagram.svg(pathway, OPTIONS));
        assertThat(drawing.edges()).contains(
                List.of("Trust grows", "More people join in"),
                List.of("More people join in", "Trust grows"),
                List.of("Trust grows", "Trust grows"));
        assertColumnsInOrder(drawing);
    }

    @Test
    void escapesScriptsInTitles() throws Exception {
        Pathway pathway = aPathway()
                .withImpact("<script>alert('impact')</script>", "x\" onload=\"alert(1)")
                .withOutcome(Term.SHORT, "<script>alert(1)</script>")
                .withActivity("</text><script>alert(2)</script>", "<script>alert(1)</script>")
                .build();
        String raw = PathwayDiagram.svg(pathway, OPTIONS);
        Document svg = parse(raw);

        assertThat(raw).doesNotContain("<script").contains("&lt;script&gt;");
        assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(attributeNames(svg)).doesNotContain("onload");
        assertThat(Drawing.of(raw).labels()).contains("<script>alert(1)</script>");
    }

    @Test
    void dropsCharactersThatXmlDoesNotAllow() throws Exception {
        Pathway pathway = aPathway().withOutcome(Term.SHORT, "Bell\u0007 and null\u0000 and half \uD83D pair 😀").build();

        Drawing drawing = Drawing.of(PathwayDiagram.svg(pathway, OPTIONS));

        assertThat(drawing.labels()).contains("Bell and null and half  pair 😀");
    }

    @Test
    void usesNoInlineStylesAndNoScripts() throws Exception {
        Pathway pathway = dayCentre().build();
        for (PathwayDiagram.Options options : List.of(OPTIONS, EASY_READ)) {
            Document svg = parse(PathwayDiagram.svg(pathway, options));

            assertThat(svg.getElementsByTagNameNS("*", "style").getLength()).isZero();
            assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
            assertThat(svg.getElementsByTagNameNS("*", "foreignObject").getLength()).isZero();
            assertThat(attributeNames(svg)).doesNotContain("style").noneMatch(a -> a.startsWith("on"));
        }
    }

    @Test
    void wrapsLongTitlesAndShortensThemWithAnEllipsisKeepingTheWholeTitleOnHover() throws Exception {
        String longTitle = "People who use the day centre, their carers and the staff who work there agree together "
                + "what the centre offers, when it opens, how people get there and who they can talk to about it";
        Pathway pathway = aPathway().withOutcome(Term.SHORT, longTitle).build();
        Drawing drawing = Drawing.of(PathwayDiagram.svg(pathway, OPTIONS));

        Element node = drawing.nodes.get(drawing.keyOf(Term.SHORT));
        List<String> lines = tspans(node);
        assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(28));
        assertThat(lines.get(3)).endsWith("…");
        assertThat(firstElementChild(node).getTextContent()).isEqualTo(longTitle);
    }

    @Test
    void sizesEachNodeToItsWrappedText() throws Exception {
        Pathway pathway = aPathway()
                .withOutcome(Term.SHORT, "Short")
                .withOutcome(Term.MEDIUM, "A title long enough to wrap onto a second line and a third")
                .build();
        Drawing drawing = Drawing.of(PathwayDiagram.svg(pathway, OPTIONS));

        double oneLine = height(drawing.nodes.get(drawing.keyOf(Term.SHORT)));
        double threeLines = height(drawing.nodes.get(drawing.keyOf(Term.MEDIUM)));
        assertThat(threeLines).isGreaterThan(oneLine * 2);
    }

    @Test
    void easyReadHasLargerTextShorterLinesAndAPictureForEachLevel() throws Exception {
        Pathway pathway = dayCentre().build();
        Document standard = parse(PathwayDiagram.svg(pathway, OPTIONS));
        Drawing easy = Drawing.of(PathwayDiagram.svg(pathway, EASY_READ));

        int standardSize = Integer.parseInt(standard.getDocumentElement().getAttribute("font-size"));
        int easySize = Integer.parseInt(easy.document.getDocumentElement().getAttribute("font-size"));
        assertThat(easySize).isGreaterThan(standardSize);
        assertThat(easy.nodes.values()).allSatisfy(node -> {
            assertThat(node.getElementsByTagNameNS("*", "use").getLength()).isEqualTo(1);
            assertThat(tspans(node)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(22));
        });
        assertThat(standard.getElementsByTagNameNS("*", "use").getLength()).isZero();
        Set<String> icons = new HashSet<>();
        NodeList uses = easy.document.getElementsByTagNameNS("*", "use");
        for (int i = 0; i < uses.getLength(); i++) {
            String href = ((Element) uses.item(i)).getAttribute("href");
            assertThat(byId(easy.document, href.substring(1)).getLocalName()).isEqualTo("symbol");
            icons.add(href);
        }
        assertThat(icons).as("a different picture for each level").hasSize(5);
    }

    @Test
    void hasAHeadingOverEachColumnSoColourIsNotTheOnlyCue() throws Exception {
        Drawing drawing = Drawing.of(PathwayDiagram.svg(dayCentre().build(), OPTIONS));

        List<String> headings = new ArrayList<>();
        NodeList texts = drawing.document.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (text.getAttribute("class").equals("app-diagram__heading")) {
                headings.add(text.getTextContent());
            }
        }
        assertThat(headings).containsExactly(
                "Activities", "Short-term outcomes", "Medium-term outcomes", "Long-term outcomes", "Impact");
        Element edges = (Element) drawing.document.getElementsByTagNameNS("*", "path").item(1).getParentNode();
        assertThat(edges.getAttribute("class")).isEqualTo("app-diagram__edges");
        assertThat(edges.getAttribute("marker-end")).as("every arrow has a head").startsWith("url(#");
    }

    @Test
    void textOnEveryNodeMeetsWcagAaContrast() throws Exception {
        Drawing drawing = Drawing.of(PathwayDiagram.svg(dayCentre().build(), EASY_READ));

        for (Element node : drawing.nodes.values()) {
            Element box = (Element) node.getElementsByTagNameNS("*", "rect").item(0);
            Element label = (Element) node.getElementsByTagNameNS("*", "text").item(0);
            assertThat(contrast(label.getAttribute("fill"), box.getAttribute("fill")))
                    .as("text on %s", node.getAttribute("data-kind"))
                    .isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(box.getAttribute("stroke"), "#ffffff"))
                    .as("border of %s against the page", node.getAttribute("data-kind"))
                    .isGreaterThanOrEqualTo(3.0);
        }
    }

    @Test
    void drawsTheSamePathwayTheSameWayEveryTime() {
        // Seeded, so the same tangle every time: ELK's own choices once varied from run to run on it.
        Random random = new Random(7);
        DiagramPathwayBuilder builder = aPathway();
        for (int i = 0; i < 15; i++) {
            builder.withOutcome(Term.values()[i % 3], "Outcome " + i);
        }
        for (int i = 0; i < 15; i++) {
            int to = random.nextInt(15);
            if (to % 3 > i % 3) {
                builder.link("Outcome " + i, "Outcome " + to);
            }
            if (i % 3 == 2) {
                builder.leadsToImpact("Outcome " + i);
            }
            builder.withActivity("Activity " + i, "Outcome " + random.nextInt(15), "Outcome " + random.nextInt(15));
        }
        Pathway pathway = builder.build();

        String first = PathwayDiagram.svg(pathway, OPTIONS);
        for (int i = 0; i < 5; i++) {
            assertThat(PathwayDiagram.svg(pathway, OPTIONS)).isEqualTo(first);
        }
    }

    @Test
    void drawsTheSameWhenManyRequestsDrawAtOnce() throws Exception {
        Pathway pathway = dayCentre().build();
        String expected = PathwayDiagram.svg(pathway, OPTIONS);

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> drawings = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                drawings.add(pool.submit(() -> PathwayDiagram.svg(pathway, OPTIONS)));
            }
            for (Future<String> drawing : drawings) {
                assertThat(drawing.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void countsCurrentActivitiesAndOutcomesByTerm() {
        Pathway pathway = dayCentre()
                .withOutcome(Term.LONG, "Dropped")
                .archived("Dropped")
                .build();

        assertThat(PathwayDiagram.counts(pathway)).isEqualTo(new PathwayDiagram.Counts(2, 2, 1, 1));
    }

    @Test
    void describesTheCountsInPlainWords() throws IOException {
        Properties messages = messages();

        assertThat(format(messages, "pathway.diagram.description", 3, 4, 1, 0)).isEqualTo(
                "3 activities, 4 short-term outcomes, 1 medium-term outcome and no long-term outcomes, leading to the"
                        + " impact. Arrows show what leads to what.");
        assertThat(format(messages, "easyread.pathway.diagram.description", 1, 0, 2, 1)).isEqualTo(
                "1 thing we do, no first changes, 2 next changes and 1 later change, leading to the big change."
                        + " Arrows show what leads to what.");
    }

    @Test
    void theComponentUsesOnlyWordsThatAreInTheMessages() throws IOException {
        String component = Files.readString(Path.of("src/main/jte/components/pathwayDiagram.jte"));
        Properties messages = messages();

        Matcher keys = Pattern.compile("Ui\\.t\\(\"([^\"]+)\"").matcher(component);
        int found = 0;
        while (keys.find()) {
            assertThat(messages).containsKey(keys.group(1));
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(12);
        assertThat(component).contains("tabindex=\"0\"", "aria-label=", "<figcaption", "class=\"app-diagram\"");
    }

    // --- helpers

    private static void assertColumnsInOrder(Drawing drawing) {
        List<String> order = List.of("activity", "outcome-short", "outcome-medium", "outcome-long", "impact");
        for (int i = 0; i + 1 < order.size(); i++) {
            if (drawing.has(order.get(i)) && drawing.has(order.get(i + 1))) {
                assertThat(drawing.maxRight(order.get(i)))
                        .as("%s left of %s", order.get(i), order.get(i + 1))
                        .isLessThan(drawing.minLeft(order.get(i + 1)));
            }
        }
    }

    /** The drawn nodes by key, their kinds and labels, and the edges between them by label. */
    record Drawing(Document document, Map<String, Element> nodes, Map<String, String> kinds) {

        static Drawing of(String svg) throws Exception {
            Document document = parse(svg);
            Map<String, Element> nodes = new HashMap<>();
            Map<String, String> kinds = new HashMap<>();
            NodeList groups = document.getElementsByTagNameNS("*", "g");
            for (int i = 0; i < groups.getLength(); i++) {
                Element g = (Element) groups.item(i);
                if (g.hasAttribute("data-kind")) {
                    nodes.put(g.getAttribute("data-key"), g);
                    kinds.put(g.getAttribute("data-key"), g.getAttribute("data-kind"));
                }
            }
            return new Drawing(document, nodes, kinds);
        }

        String label(String key) {
            return String.join(" ", tspans(nodes.get(key)));
        }

        List<String> labels() {
            return nodes.keySet().stream().map(this::label).toList();
        }

        List<List<String>> edges() {
            List<List<String>> edges = new ArrayList<>();
            NodeList paths = document.getElementsByTagNameNS("*", "path");
            for (int i = 0; i < paths.getLength(); i++) {
                Element path = (Element) paths.item(i);
                if (path.hasAttribute("data-from")) {
                    edges.add(List.of(name(path.getAttribute("data-from")), name(path.getAttribute("data-to"))));
                }
            }
            return edges;
        }

        private String name(String key) {
            return key.equals("impact") ? "impact" : label(key);
        }

        String keyOf(Term term) {
            String kind = "outcome-" + term.name().toLowerCase(Locale.ROOT);
            return kinds.entrySet().stream().filter(e -> e.getValue().equals(kind)).findFirst().orElseThrow().getKey();
        }

        boolean has(String kind) {
            return kinds.containsValue(kind);
        }

        double maxRight(String kind) {
            return rects(kind).stream().mapToDouble(r -> attr(r, "x") + attr(r, "width")).max().orElseThrow();
        }

        double minLeft(String kind) {
            return rects(kind).stream().mapToDouble(r -> attr(r, "x")).min().orElseThrow();
        }

        private List<Element> rects(String kind) {
            return nodes.values().stream()
                    .filter(n -> n.getAttribute("data-kind").equals(kind))
                    .map(n -> (Element) n.getElementsByTagNameNS("*", "rect").item(0))
                    .toList();
        }
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document document, String id) {
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("No element with id " + id);
    }

    private static Element firstElementChild(Element parent) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("No child element");
    }

    private static List<String> tspans(Element node) {
        List<String> lines = new ArrayList<>();
        NodeList spans = node.getElementsByTagNameNS("*", "tspan");
        for (int i = 0; i < spans.getLength(); i++) {
            lines.add(spans.item(i).getTextContent());
        }
        return lines;
    }

    private static Set<String> attributeNames(Document document) {
        Set<String> names = new HashSet<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int j = 0; j < attributes.getLength(); j++) {
                names.add(attributes.item(j).getNodeName().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static double height(Element node) {
        return attr((Element) node.getElementsByTagNameNS("*", "rect").item(0), "height");
    }

    private static double attr(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    /** WCAG 2 contrast ratio between two #rrggbb colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static Properties messages() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    private static String format(Properties messages, String key, Object... args) {
        return new MessageFormat(messages.getProperty(key), Locale.UK).format(args);
    }
}
