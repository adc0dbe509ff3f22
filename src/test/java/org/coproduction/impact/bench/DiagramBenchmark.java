package org.coproduction.impact.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.coproduction.impact.pathway.Activity;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayDiagram;
import org.coproduction.impact.pathway.PathwayDocument;
import org.coproduction.impact.pathway.PathwayJson;
import org.coproduction.impact.pathway.Term;
import org.jspecify.annotations.Nullable;

/**
 * How long the pathway diagram takes to draw, and how big it is, for a small pathway and for the
 * largest one we allow (200 outcomes, here with 300 activities). Not a test: it has a main method
 * and no {@code @Test}, so {@code ./mvnw verify} never runs it. See bench/README.md for how to run
 * it and what it measured.
 *
 * <p>Arguments (all optional): {@code runs=50 warmup=30 svg=target/bench/pathway-200.svg
 * json=target/bench/pathway-200.json}. It also writes the large pathway in our export format, to
 * import into a project when measuring the whole page.
 */
public final class DiagramBenchmark {

    private static final PathwayDiagram.Options STANDARD = new PathwayDiagram.Options(
            "Pathway to impact", "A large pathway, for measuring.", "Activities", "Short-term outcomes",
            "Medium-term outcomes", "Long-term outcomes", "Impact", "Project impact", "Co-production impact",
            "Not written yet", false);
    private static final PathwayDiagram.Options EASY_READ = new PathwayDiagram.Options(
            "Our plan for change", "A large pathway, for measuring.", "Things we do", "First changes",
            "Next changes", "Later changes", "The big change", "What we make", "Why doing it together matters",
            "Not written yet", true);

    private DiagramBenchmark() {}

    public static void main(String[] args) throws IOException {
        int runs = intArg(args, "runs", 50);
        int warmup = intArg(args, "warmup", 30);
        Path svgFile = Path.of(Objects.requireNonNull(stringArg(args, "svg", "target/bench/pathway-200.svg")));
        Path jsonFile = Path.of(Objects.requireNonNull(stringArg(args, "json", "target/bench/pathway-200.json")));

        System.out.printf(Locale.ROOT, "Java %s on %d cores (%s %s), max heap %d MB%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf(Locale.ROOT, "%d warm-up runs, then %d measured runs per case%n%n", warmup, runs);
        System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s %8s %10s %10s%n",
                "case", "median", "p95", "min", "max", "svg bytes", "gzip bytes");

        Pathway small = pathway(10, 12, 1);
        Pathway large = pathway(200, 300, 42);
        measure("small: 10 outcomes, 12 activities", small, STANDARD, runs, warmup);
        String svg = measure("large: 200 outcomes, 300 activities", large, STANDARD, runs, warmup);
        measure("large, easy read", large, EASY_READ, runs, warmup);

        write(svgFile, svg);
        System.out.printf(Locale.ROOT, "%nThe large diagram is in %s (links drawn: %d).%n", svgFile, count(svg, "data-from="));
        // The same pathway in our export format, to import into a project for measuring the whole page.
        String json = PathwayJson.write(PathwayDocument.export(large));
        write(jsonFile, json);
        System.out.printf(Locale.ROOT, "The large pathway, to import, is in %s (%s).%n", jsonFile,
                PathwayJson.read(json).ok() ? "passes the import checks" : "FAILS the import checks");
    }

    private static void write(Path file, String text) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text);
    }

    private static String measure(String name, Pathway pathway, PathwayDiagram.Options options, int runs, int warmup)
            throws IOException {
        String svg = "";
        for (int i = 0; i < warmup; i++) {
            svg = PathwayDiagram.svg(pathway, options);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            svg = PathwayDiagram.svg(pathway, options);
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        byte[] raw = svg.getBytes(StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%-34s %6.1fms %6.1fms %6.1fms %6.1fms %10d %10d%n",
                name, percentile(millis, 50), percentile(millis, 95), millis[0], millis[runs - 1],
                raw.length, gzip(raw).length);
        return svg;
    }

    /**
     * A pathway shaped like a real one, only bigger: about 45% short-, 35% medium- and 20% long-term
     * outcomes; each outcome leads to one or two later ones; long-term outcomes (and a few
     * medium-term ones) lead to the impact; each activity leads to one to three outcomes, mostly
     * short-term. Titles are 3 to 16 words, some with characters that need escaping.
     */
    static Pathway pathway(int outcomeCount, int activityCount, long seed) {
        Random random = new Random(seed);
        int shortCount = Math.max(1, outcomeCount * 45 / 100);
        int mediumCount = Math.max(1, outcomeCount * 35 / 100);
        int longCount = Math.max(1, outcomeCount - shortCount - mediumCount);
        List<UUID> shortIds = ids(shortCount);
        List<UUID> mediumIds = ids(mediumCount);
        List<UUID> longIds = ids(longCount);

        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < shortCount; i++) {
            outcomes.add(outcome(shortIds.get(i), Term.SHORT, pick(random, mediumIds, 1 + random.nextInt(2)), false, i, random));
        }
        for (int i = 0; i < mediumCount; i++) {
            boolean toImpact = random.nextInt(10) == 0;
            outcomes.add(outcome(mediumIds.get(i), Term.MEDIUM, pick(random, longIds, 1 + random.nextInt(2)), toImpact, i, random));
        }
        for (int i = 0; i < longCount; i++) {
            outcomes.add(outcome(longIds.get(i), Term.LONG, List.of(), true, i, random));
        }
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < activityCount; i++) {
            List<UUID> to = new ArrayList<>(pick(random, shortIds, 1 + random.nextInt(2)));
            if (random.nextInt(10) < 3) {
                to.addAll(pick(random, mediumIds, 1));
            }
            ActivityKind kind = ActivityKind.values()[random.nextInt(ActivityKind.values().length)];
            activities.add(new Activity(UUID.randomUUID(), title(random), kind, null, to, i, false));
        }
        return new Pathway(UUID.randomUUID(), UUID.randomUUID(),
                "People with learning disabilities have nowhere to go to make friends and feel valued.",
                "A day centre for people with learning disabilities",
                "The day centre is how people want it to be, matches their needs and more people are happy to use it",
                1, outcomes, activities, List.of());
    }

    private static Outcome outcome(UUID id, Term term, List<UUID> leadsTo, boolean toImpact, int position, Random random) {
        return new Outcome(id, title(random), term, toImpact, leadsTo, null, position, false);
    }

    private static final String[] WORDS = ("people carers staff group members steering day centre plan service "
            + "decide together confidence skills trust meetings accessible easy read training feel valued friends "
            + "learn new things recruitment criteria feedback survey community partners council & \"voice\" it’s "
            + "<more> wellbeing").split(" ");

    private static String title(Random random) {
        int words = 3 + random.nextInt(14);
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < words; i++) {
            title.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }

    private static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static List<UUID> pick(Random random, List<UUID> from, int n) {
        List<UUID> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = from.get(random.nextInt(from.size()));
            if (!picked.contains(id)) {
                picked.add(id);
            }
        }
        return picked;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static int intArg(String[] args, String name, int otherwise) {
        String value = stringArg(args, name, null);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    private static @Nullable String stringArg(String[] args, String name, @Nullable String otherwise) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return otherwise;
    }
}
