package org.coproduction.impact.involvement;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coproduction.impact.form.AboutYou;
import org.jspecify.annotations.Nullable;

/**
 * Reads a local population profile (see docs/who-took-part.md): a first row {@code part,group,people},
 * then one group a row, such as {@code age,18-24,9120}. Parts and groups are the slugs of the
 * "about you" block ({@link AboutYou}); "prefer not to say" is not a census group. Every row that
 * cannot be used is listed with its line number and the reason; nothing is stored here.
 */
public final class LocalProfileCsv {

    /** A figure that will be imported. */
    public record Row(int line, AboutYou part, String group, long people) {}

    /** A row that will not be imported, and why (a message key with one detail, if any). */
    public record Rejected(int line, String reasonKey, @Nullable String detail) {}

    public sealed interface Reading {
        /** The whole file was refused: nothing in it can be imported. */
        record Refused(String messageKey) implements Reading {}

        record Read(List<Row> rows, List<Rejected> rejected) implements Reading {}
    }

    public static final int MAX_BYTES = 100_000;
    static final int MAX_ROWS = 500;
    private static final int DETAIL = 40;
    private static final long MAX_PEOPLE = 100_000_000L;

    private LocalProfileCsv() {}

    public static Reading read(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return new Reading.Refused("involvement.profile.error.empty");
        }
        if (text.length() > MAX_BYTES || text.indexOf('\0') >= 0) {
            return new Reading.Refused(text.length() > MAX_BYTES ? "involvement.profile.error.too-big" : "involvement.profile.error.not-csv");
        }
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            return new Reading.Refused("involvement.profile.error.not-csv");
        }
    }

    /** The bytes of an uploaded file as text, or empty when they are not UTF-8. */
    public static Optional<String> text(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Reading read(CSVParser parser) {
        var records = parser.iterator();
        if (!records.hasNext()) {
            return new Reading.Refused("involvement.profile.error.empty");
        }
        CSVRecord header = records.next();
        List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!names.equals(List.of("part", "group", "people"))) {
            return new Reading.Refused("involvement.profile.error.layout");
        }
        List<Row> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int count = 0;
        while (records.hasNext()) {
            CSVRecord r = records.next();
            int line = (int) r.getRecordNumber();
            if (++count > MAX_ROWS) {
                return new Reading.Refused("involvement.profile.error.too-many-rows");
            }
            if (r.size() != 3) {
                rejected.add(new Rejected(line, "involvement.profile.reason.columns", String.valueOf(r.size())));
                continue;
            }
            String partText = r.get(0).toLowerCase(Locale.ROOT);
            String group = r.get(1).toLowerCase(Locale.ROOT);
            String peopleText = r.get(2).replace(",", "").strip();
            Optional<AboutYou> part = AboutYou.fromSlug(partText);
            if (part.isEmpty()) {
                rejected.add(new Rejected(line, "involvement.profile.reason.part", detail(r.get(0))));
                continue;
            }
            if (!part.get().groups().contains(group)) {
                rejected.add(new Rejected(line, "involvement.profile.reason.group", detail(r.get(1))));
                continue;
            }
            long people;
            try {
                people = Long.parseLong(peopleText);
            } catch (NumberFormatException e) {
                rejected.add(new Rejected(line, "involvement.profile.reason.people", detail(r.get(2))));
                continue;
            }
            if (people < 0 || people > MAX_PEOPLE) {
                rejected.add(new Rejected(line, "involvement.profile.reason.people", detail(r.get(2))));
                continue;
            }
            Integer first = seen.putIfAbsent(part.get().slug() + "," + group, line);
            if (first != null) {
                rejected.add(new Rejected(line, "involvement.profile.reason.duplicate", String.valueOf(first)));
                continue;
            }
            rows.add(new Row(line, part.get(), group, people));
        }
        return new Reading.Read(rows, rejected);
    }

    private static String detail(String text) {
        return text.length() <= DETAIL ? text : text.substring(0, DETAIL) + "…";
    }
}
