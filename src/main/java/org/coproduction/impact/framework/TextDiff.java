package org.coproduction.impact.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-by-word comparison of two texts, for people to read: the words kept, removed and added,
 * in order. Spaces and line breaks are kept as they are, so the result reads like the text.
 */
public final class TextDiff {

    /** Beyond this many word pairs the changed stretch is shown as removed and added whole. */
    private static final long MAX_CELLS = 2_000_000;

    /** Spaces, words (with apostrophes and hyphens inside them), and each other mark on its own. */
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

    public enum Kind {
        SAME,
        REMOVED,
        ADDED
    }

    /** A stretch of text that was kept, removed or added. */
    public record Piece(Kind kind, String text) {}

    private TextDiff() {}

    public static boolean changed(List<Piece> pieces) {
        return pieces.stream().anyMatch(p -> p.kind() != Kind.SAME);
    }

    public static List<Piece> diff(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Piece> pieces = new ArrayList<>();
        add(pieces, Kind.SAME, a.subList(0, prefix));
        middle(pieces, a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix));
        add(pieces, Kind.SAME, a.subList(a.size() - suffix, a.size()));
        return readable(pieces);
    }

    /** A stretch kept between two changes that is too small to read on its own: a space or a short word. */
    private static final Pattern SMALL = Pattern.compile("\\s*[^\\s]{0,3}\\s*");

    /**
     * Joins changes separated only by a space or a short word into one change (all that was taken
     * out, then all that was put in), so a rewritten sentence reads as before and after instead of
     * alternating word by word.
     */
    private static List<Piece> readable(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>();
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            boolean inChange = !removed.isEmpty() || !added.isEmpty();
            if (p.kind() == Kind.REMOVED) {
                removed.append(p.text());
            } else if (p.kind() == Kind.ADDED) {
                added.append(p.text());
            } else if (inChange && k + 1 < pieces.size() && SMALL.matcher(p.text()).matches()) {
                removed.append(p.text());
                added.append(p.text());
            } else {
                flush(out, removed, added);
                out.add(p);
            }
        }
        flush(out, removed, added);
        return out;
    }

    private static void flush(List<Piece> out, StringBuilder removed, StringBuilder added) {
        if (!removed.isEmpty()) {
            out.add(new Piece(Kind.REMOVED, removed.toString()));
        }
        if (!added.isEmpty()) {
            out.add(new Piece(Kind.ADDED, added.toString()));
        }
        removed.setLength(0);
        added.setLength(0);
    }

    /** The longest common subsequence of the two changed stretches, walked into pieces. */
    private static void middle(List<Piece> pieces, List<String> a, List<String> b) {
        if ((long) a.size() * b.size() > MAX_CELLS) {
            add(pieces, Kind.REMOVED, a);
            add(pieces, Kind.ADDED, b);
            return;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                add(pieces, Kind.SAME, a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // What was taken out reads before what was put in.
                add(pieces, Kind.REMOVED, a.get(i++));
            } else {
                add(pieces, Kind.ADDED, b.get(j++));
            }
        }
    }

    private static void add(List<Piece> pieces, Kind kind, List<String> tokens) {
        for (String t : tokens) {
            add(pieces, kind, t);
        }
    }

    /** Adds a token, joining it to the last piece when they are of one kind. */
    private static void add(List<Piece> pieces, Kind kind, String token) {
        if (token.isEmpty()) {
            return;
        }
        if (!pieces.isEmpty() && pieces.getLast().kind() == kind) {
            Piece last = pieces.removeLast();
            pieces.add(new Piece(kind, last.text() + token));
        } else {
            pieces.add(new Piece(kind, token));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.replace("\r\n", "\n"));
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
