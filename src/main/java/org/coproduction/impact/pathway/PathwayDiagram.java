package org.coproduction.impact.pathway;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.jspecify.annotations.Nullable;

/**
 * Draws a pathway to impact as one standalone SVG: activities on the left, then short-, medium- and
 * long-term outcomes, then the impact on the right, with an arrow for every "leads to" link.
 * Laid out on the server by ELK's layered algorithm, so the picture needs no JavaScript and prints.
 *
 * <p>The SVG is an image ({@code role="img"}) named by its {@code <title>} and described by its
 * {@code <desc>}. It must not be the only way to read the pathway: a page that shows it also shows
 * the pathway as text (WCAG 1.1.1). Colour is never the only cue: every column has a heading, and arrows have heads. There
 * are no {@code style} attributes or elements (our Content-Security-Policy allows styles from our
 * own files only): colours are presentation attributes, and {@code app.css} adjusts them through
 * the {@code app-diagram__*} classes (for example in Windows high-contrast mode). Only groups carry
 * classes, not each box and arrow, to keep large pathways light.
 */
public final class PathwayDiagram {

    /**
     * The words the diagram shows, from the message bundle, so this class holds no English.
     * {@code description} is the diagram's summary for screen readers (see {@link #counts}).
     */
    public record Options(
            String title,
            String description,
            String activitiesHeading,
            String shortTermHeading,
            String mediumTermHeading,
            String longTermHeading,
            String impactHeading,
            String projectImpactLabel,
            String coproductionImpactLabel,
            String notWrittenYet,
            boolean easyRead) {}

    /** How much the diagram shows: current activities and outcomes only, as drawn. */
    public record Counts(int activities, int shortTerm, int mediumTerm, int longTerm) {}

    /** The columns, left to right. Colours pass WCAG AA: text 4.5:1 on its fill, borders 3:1 on white. */
    enum Column {
        ACTIVITIES("activity", "#f3f2f1", "#505a5f", "#0b0c0c", ICON_PEOPLE),
        SHORT("outcome-short", "#e8f1f8", "#1d70b8", "#0b0c0c", ICON_STEP_1),
        MEDIUM("outcome-medium", "#e7f3ec", "#00703c", "#0b0c0c", ICON_STEP_2),
        LONG("outcome-long", "#f3eef9", "#6f3fa0", "#0b0c0c", ICON_STEP_3),
        IMPACT("impact", "#3b1f5e", "#3b1f5e", "#ffffff", ICON_STAR);

        final String kind;
        final String fill;
        final String stroke;
        final String text;
        final String icon;

        Column(String kind, String fill, String stroke, String text, String icon) {
            this.kind = kind;
            this.fill = fill;
            this.stroke = stroke;
            this.text = text;
            this.icon = icon;
        }

        static Column of(Term term) {
            return switch (term) {
                case SHORT -> SHORT;
                case MEDIUM -> MEDIUM;
                case LONG -> LONG;
            };
        }
    }

    // Simple 24 x 24 line pictures (as in components/icon.jte): people doing something together,
    // one, two and three steps up, and a star for the impact. Shown in easy read only.
    private static final String ICON_PEOPLE =
            "<circle cx=\"9\" cy=\"7\" r=\"4\"/><path d=\"M2 21v-2a4 4 0 0 1 4-4h6a4 4 0 0 1 4 4v2\"/>"
                    + "<path d=\"M16 3.1a4 4 0 0 1 0 7.8\"/><path d=\"M22 21v-2a4 4 0 0 0-3-3.9\"/>";
    private static final String ICON_STEP_1 = "<path d=\"M2 21h20\"/><path d=\"M3 21v-6h6v6\"/>";
    private static final String ICON_STEP_2 = "<path d=\"M2 21h20\"/><path d=\"M3 21v-6h6v6\"/><path d=\"M9 21V9h6v12\"/>";
    private static final String ICON_STEP_3 =
            "<path d=\"M2 21h20\"/><path d=\"M3 21v-6h6v6\"/><path d=\"M9 21V9h6v12\"/><path d=\"M15 21V3h6v18\"/>";
    private static final String ICON_STAR =
            "<path d=\"m12 2 3.1 6.3 6.9 1-5 4.9 1.2 6.8-6.2-3.2L5.8 21 7 14.2l-5-4.9 6.9-1z\"/>";

    /** Text sizes and how much of each title fits: easy read has larger text and shorter labels. */
    record Style(int fontSize, int lineHeight, int charsPerLine, int maxLines, int impactMaxLines, int padding, int icon) {

        static final Style STANDARD = new Style(16, 21, 28, 4, 6, 10, 0);
        static final Style EASY_READ = new Style(20, 27, 22, 3, 4, 12, 32);

        /** A generous average width of a character in the system sans-serif font, as a share of its size. */
        static final double CHAR_WIDTH = 0.6;

        static Style of(Options options) {
            return options.easyRead() ? EASY_READ : STANDARD;
        }

        int textWidth() {
            return (int) Math.ceil(charsPerLine * fontSize * CHAR_WIDTH);
        }

        int nodeWidth() {
            return textWidth() + 2 * padding + (icon == 0 ? 0 : icon + padding);
        }

        int textLeft() {
            return padding + (icon == 0 ? 0 : icon + padding);
        }
    }

    private static final int MARGIN = 8;
    private static final int HEADING_GAP = 16;
    private static final String EDGE_COLOUR = "#505a5f";
    private static final String HEADING_COLOUR = "#0b0c0c";
    private static final String FONT = "system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, Arial, sans-serif";

    private PathwayDiagram() {}

    /** What the diagram shows, for its description: current activities and outcomes by term. */
    public static Counts counts(Pathway pathway) {
        return new Counts(
                pathway.currentActivities().size(),
                pathway.currentOutcomes(Term.SHORT).size(),
                pathway.currentOutcomes(Term.MEDIUM).size(),
                pathway.currentOutcomes(Term.LONG).size());
    }

    /**
     * The pathway as a standalone {@code <svg>} element. Archived outcomes and activities, and links
     * to them, are left out. Works for any pathway, including an empty one or one with a loop.
     */
    public static String svg(Pathway pathway, Options options) {
        Style style = Style.of(options);
        String prefix = "pd-" + pathway.id();
        Graph graph = Graph.of(pathway, options, style);
        graph.layout();

        Map<Column, double[]> spans = graph.columnSpans();
        Map<Column, String> headings = headings(options);
        int headingLines = 1;
        Map<Column, List<String>> headingText = new EnumMap<>(Column.class);
        for (Map.Entry<Column, double[]> span : spans.entrySet()) {
            int chars = (int) Math.max(8, (span.getValue()[1] - span.getValue()[0]) / (style.fontSize() * 0.65));
            List<String> lines = Wrap.lines(headings.get(span.getKey()), chars, 2).lines();
            headingText.put(span.getKey(), lines);
            headingLines = Math.max(headingLines, lines.size());
        }
        double top = MARGIN + headingLines * style.lineHeight() + HEADING_GAP;
        double width = Math.ceil(graph.root.getWidth() + 2 * MARGIN);
        double height = Math.ceil(top + graph.root.getHeight() + MARGIN);

        Svg out = new Svg(256 + graph.boxes.size() * 400 + graph.edges.size() * 120);
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-diagram__svg")
                .raw(options.easyRead() ? " app-diagram__svg--easy-read" : "")
                .raw("\" role=\"img\" aria-labelledby=\"").raw(prefix).raw("-title ").raw(prefix).raw("-desc\"")
                .raw(" viewBox=\"0 0 ").num(width).raw(" ").num(height)
                .raw("\" width=\"").num(width).raw("\" height=\"").num(height)
                .raw("\" font-family=\"").raw(FONT).raw("\" font-size=\"").num(style.fontSize()).raw("\">");
        out.raw("<title id=\"").raw(prefix).raw("-title\">").text(options.title()).raw("</title>");
        out.raw("<desc id=\"").raw(prefix).raw("-desc\">").text(options.description()).raw("</desc>");
        defs(out, prefix, options.easyRead(), graph);

        out.raw("<g class=\"app-diagram__headings\" fill=\"").raw(HEADING_COLOUR).raw("\" font-weight=\"bold\" text-anchor=\"middle\">");
        for (Map.Entry<Column, List<String>> heading : headingText.entrySet()) {
            double[] span = spans.get(heading.getKey());
            double x = MARGIN + (span[0] + span[1]) / 2;
            List<String> lines = heading.getValue();
            for (int i = 0; i < lines.size(); i++) {
                double y = MARGIN + (headingLines - lines.size() + i + 1) * style.lineHeight() - style.lineHeight() * 0.25;
                out.raw("<text class=\"app-diagram__heading\" data-column=\"").raw(heading.getKey().kind)
                        .raw("\" x=\"").num(x).raw("\" y=\"").num(y).raw("\">").text(lines.get(i)).raw("</text>");
            }
        }
        out.raw("</g>");

        out.raw("<g transform=\"translate(").num(MARGIN).raw(" ").num(top).raw(")\">");
        out.raw("<g class=\"app-diagram__edges\" fill=\"none\" stroke=\"").raw(EDGE_COLOUR)
                .raw("\" stroke-width=\"1.5\" marker-end=\"url(#").raw(prefix).raw("-arrow)\">");
        for (Edge edge : graph.edges) {
            edge(out, edge);
        }
        out.raw("</g>");
        for (Box box : graph.boxes) {
            node(out, box, style, prefix);
        }
        out.raw("</g></svg>");
        return out.toString();
    }

    private static Map<Column, String> headings(Options options) {
        Map<Column, String> headings = new EnumMap<>(Column.class);
        headings.put(Column.ACTIVITIES, options.activitiesHeading());
        headings.put(Column.SHORT, options.shortTermHeading());
        headings.put(Column.MEDIUM, options.mediumTermHeading());
        headings.put(Column.LONG, options.longTermHeading());
        headings.put(Column.IMPACT, options.impactHeading());
        return headings;
    }

    private static void defs(Svg out, String prefix, boolean easyRead, Graph graph) {
        out.raw("<defs><marker id=\"").raw(prefix).raw("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
                .raw(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .raw("<path class=\"app-diagram__arrow\" d=\"M0 0 10 5 0 10z\" fill=\"").raw(EDGE_COLOUR).raw("\" stroke=\"none\"/></marker>");
        if (easyRead) {
            Set<Column> used = new LinkedHashSet<>();
            graph.boxes.forEach(b -> used.add(b.column));
            for (Column column : used) {
                out.raw("<symbol id=\"").raw(prefix).raw("-icon-").raw(column.kind).raw("\" viewBox=\"0 0 24 24\">")
                        .raw(column.icon).raw("</symbol>");
            }
        }
        out.raw("</defs>");
    }

    private static void edge(Svg out, Edge edge) {
        for (ElkEdgeSection section : edge.elk.getSections()) {
            out.raw("<path data-from=\"").raw(edge.from).raw("\" data-to=\"").raw(edge.to)
                    .raw("\" d=\"M").num(section.getStartX()).raw(" ").num(section.getStartY());
            for (ElkBendPoint bend : section.getBendPoints()) {
                out.raw("L").num(bend.getX()).raw(" ").num(bend.getY());
            }
            out.raw("L").num(section.getEndX()).raw(" ").num(section.getEndY()).raw("\"/>");
        }
    }

    private static void node(Svg out, Box box, Style style, String prefix) {
        Column c = box.column;
        double x = box.elk.getX();
        double y = box.elk.getY();
        out.raw("<g class=\"app-diagram__node\" data-kind=\"").raw(c.kind).raw("\" data-key=\"").raw(box.key).raw("\">");
        if (box.fullText != null) {
            // Shown on hover where the label had to be shortened; the text version has it all.
            out.raw("<title>").text(box.fullText).raw("</title>");
        }
        out.raw("<rect x=\"").num(x).raw("\" y=\"").num(y)
                .raw("\" width=\"").num(box.elk.getWidth()).raw("\" height=\"").num(box.elk.getHeight())
                .raw("\" rx=\"6\" fill=\"").raw(c.fill).raw("\" stroke=\"").raw(c.stroke)
                .raw("\" stroke-width=\"").raw(c == Column.IMPACT ? "3" : "2").raw("\"/>");
        if (style.icon() > 0) {
            out.raw("<use href=\"#").raw(prefix).raw("-icon-").raw(c.kind)
                    .raw("\" x=\"").num(x + style.padding()).raw("\" y=\"").num(y + style.padding())
                    .raw("\" width=\"").num(style.icon()).raw("\" height=\"").num(style.icon())
                    .raw("\" fill=\"none\" stroke=\"").raw(c == Column.IMPACT ? c.text : c.stroke)
                    .raw("\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>");
        }
        out.raw("<text fill=\"").raw(c.text).raw("\">");
        double baseline = y + style.padding() + style.lineHeight() * 0.78;
        for (Line line : box.lines) {
            out.raw("<tspan x=\"").num(x + style.textLeft()).raw("\" y=\"").num(baseline)
                    .raw(line.bold() ? "\" font-weight=\"bold\">" : "\">").text(line.text()).raw("</tspan>");
            baseline += style.lineHeight();
        }
        out.raw("</text></g>");
    }

    /** One line of a node's label. */
    record Line(String text, boolean bold) {}

    /** A node as drawn: its column, a short key for the edges, its label lines and its ELK shape. */
    record Box(String key, Column column, List<Line> lines, @Nullable String fullText, ElkNode elk) {}

    /** One "leads to" link, drawn as one arrow. */
    record Edge(String from, String to, ElkEdge elk) {}

    /** The ELK graph of a pathway, with the boxes and edges it was built from. */
    static final class Graph {

        final ElkNode root = ElkGraphUtil.createGraph();
        final List<Box> boxes = new ArrayList<>();
        final List<Edge> edges = new ArrayList<>();
        private final Map<String, Box> byKey = new HashMap<>();

        static Graph of(Pathway pathway, Options options, Style style) {
            Graph g = new Graph();
            g.configure(style);

            Map<UUID, String> outcomeKeys = new HashMap<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (Term term : Term.values()) {
                outcomes.addAll(pathway.currentOutcomes(term));
            }
            for (Outcome o : outcomes) {
                String key = "o" + outcomeKeys.size();
                outcomeKeys.put(o.id(), key);
                g.box(key, Column.of(o.term()), o.title(), style);
            }
            List<Activity> activities = pathway.currentActivities();
            for (int i = 0; i < activities.size(); i++) {
                g.box("a" + i, Column.ACTIVITIES, activities.get(i).title(), style);
            }
            g.impact(pathway, options, style);

            for (int i = 0; i < activities.size(); i++) {
                for (UUID target : new LinkedHashSet<>(activities.get(i).outcomeIds())) {
                    String to = outcomeKeys.get(target);
                    if (to != null) {
                        g.edge("a" + i, to);
                    }
                }
            }
            for (Outcome o : outcomes) {
                String from = outcomeKeys.get(o.id());
                for (UUID target : new LinkedHashSet<>(o.leadsTo())) {
                    String to = outcomeKeys.get(target);
                    if (to != null) {
                        g.edge(from, to);
                    }
                }
                if (o.leadsToImpact()) {
                    g.edge(from, "impact");
                }
            }
            return g;
        }

        private void configure(Style style) {
            root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
            root.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
            root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
            // Columns are fixed by kind (activities, then each term, then the impact), whatever the links say.
            root.setProperty(LayeredOptions.PARTITIONING_ACTIVATE, true);
            // The partitions already fix the columns, so the simplest layering does: network simplex
            // (the default) took about 90% of the time on a 200-outcome pathway (bench/README.md).
            root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.LONGEST_PATH);
            // Ties go to the order the group put things in; this also makes the drawing the same every time
            // (without it ELK's choices vary from run to run).
            root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
            // Otherwise an unlinked outcome is laid out on its own and may land left of the activities.
            root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
            // One line per arrow, so each can be followed from start to end. Shared lines (ELK's
            // mergeEdges) keep large pathways narrow, but the shared lines join up into one bus on
            // which everything seems to lead to everything.
            root.setProperty(LayeredOptions.MERGE_EDGES, false);
            root.setProperty(LayeredOptions.PADDING, new ElkPadding(0));
            root.setProperty(LayeredOptions.SPACING_NODE_NODE, (double) style.lineHeight());
            root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
            root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
            root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 6.0);
            root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 12.0);
        }

        private void box(String key, Column column, String title, Style style) {
            Wrap wrapped = Wrap.lines(title, style.charsPerLine(), style.maxLines());
            List<Line> lines = wrapped.lines().stream().map(l -> new Line(l, false)).toList();
            add(key, column, lines, wrapped.shortened() ? title : null, style);
        }

        private void impact(Pathway pathway, Options options, Style style) {
            List<Line> lines = new ArrayList<>();
            StringBuilder full = new StringBuilder();
            boolean shortened = false;
            for (String[] part : List.of(
                    new String[] {options.projectImpactLabel(), orElse(pathway.projectImpact(), options.notWrittenYet())},
                    new String[] {options.coproductionImpactLabel(), orElse(pathway.coproductionImpact(), options.notWrittenYet())})) {
                Wrap label = Wrap.lines(part[0], style.charsPerLine(), 2);
                Wrap text = Wrap.lines(part[1], style.charsPerLine(), style.impactMaxLines());
                label.lines().forEach(l -> lines.add(new Line(l, true)));
                text.lines().forEach(l -> lines.add(new Line(l, false)));
                shortened |= label.shortened() || text.shortened();
                full.append(full.isEmpty() ? "" : " ").append(part[0]).append(": ").append(part[1]);
            }
            add("impact", Column.IMPACT, lines, shortened ? full.toString() : null, style);
        }

        private static String orElse(@Nullable String text, String otherwise) {
            return Pathway.blank(text) ? otherwise : text.strip();
        }

        private void add(String key, Column column, List<Line> lines, @Nullable String fullText, Style style) {
            ElkNode node = ElkGraphUtil.createNode(root);
            int textHeight = Math.max(1, lines.size()) * style.lineHeight();
            node.setDimensions(style.nodeWidth(), Math.max(textHeight, style.icon()) + 2 * style.padding());
            node.setProperty(LayeredOptions.PARTITIONING_PARTITION, column.ordinal());
            Box box = new Box(key, column, lines, fullText, node);
            boxes.add(box);
            byKey.put(key, box);
        }

        private void edge(String from, String to) {
            ElkEdge edge = ElkGraphUtil.createEdge(root);
            edge.getSources().add(byKey.get(from).elk());
            edge.getTargets().add(byKey.get(to).elk());
            edges.add(new Edge(from, to, edge));
        }

        void layout() {
            new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        }

        /** Each column's left and right edge, for its heading; columns with nothing in them are left out. */
        Map<Column, double[]> columnSpans() {
            Map<Column, double[]> spans = new EnumMap<>(Column.class);
            for (Box box : boxes) {
                double left = box.elk().getX();
                double right = left + box.elk().getWidth();
                spans.merge(box.column(), new double[] {left, right},
                        (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
            return spans;
        }
    }

    /** A label wrapped into lines of whole words, shortened with an ellipsis past the last line. */
    record Wrap(List<String> lines, boolean shortened) {

        static final String ELLIPSIS = "…";

        static Wrap lines(String text, int width, int maxLines) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                for (String piece : pieces(word, width)) {
                    int needed = line.isEmpty() ? length(piece) : length(line) + 1 + length(piece);
                    if (needed > width && !line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(line.isEmpty() ? "" : " ").append(piece);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            if (lines.size() <= maxLines) {
                return new Wrap(lines, false);
            }
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            if (length(last) + 1 > width) {
                last = last.substring(0, last.offsetByCodePoints(0, width - 1));
            }
            kept.set(maxLines - 1, last.stripTrailing() + ELLIPSIS);
            return new Wrap(kept, true);
        }

        /** A word longer than a line, cut into line-sized pieces (without splitting a character). */
        private static List<String> pieces(String word, int width) {
            List<String> pieces = new ArrayList<>();
            String rest = word;
            while (length(rest) > width) {
                int cut = rest.offsetByCodePoints(0, width);
                pieces.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            pieces.add(rest);
            return pieces;
        }

        private static int length(CharSequence s) {
            return Character.codePointCount(s, 0, s.length());
        }
    }

    /** A small SVG writer: numbers without needless decimals, and text escaped for XML. */
    static final class Svg {

        private final StringBuilder out;

        Svg(int capacity) {
            out = new StringBuilder(capacity);
        }

        Svg raw(String s) {
            out.append(s);
            return this;
        }

        Svg num(double value) {
            double rounded = Math.round(value * 10) / 10.0;
            if (rounded == Math.rint(rounded)) {
                out.append((long) rounded);
            } else {
                out.append(String.format(Locale.ROOT, "%.1f", rounded));
            }
            return this;
        }

        Svg text(String s) {
            out.append(escape(s));
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /**
     * Text made safe for XML content and attributes: the five special characters escaped, and
     * characters XML 1.0 does not allow (most control characters, lone surrogates) dropped.
     */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(ch).append(s.charAt(++i));
                    } else if (allowedInXml(ch)) {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowedInXml(char ch) {
        return ch == '\t' || ch == '\n' || ch == '\r'
                || (ch >= 0x20 && ch <= 0xD7FF)
                || (ch >= 0xE000 && ch <= 0xFFFD);
    }
}
