package org.coproduction.impact.measure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file of data points (see docs/measure.md): a first row naming the columns measure,
 * date, value and, if wanted, note, in any order; then one data point a row. Every row that cannot
 * be imported is listed with its line number and the reason in plain words; nothing is stored here.
 */
final class MeasureCsv {

    /** A row that will be imported. */
    record Row(int line, String measure, LocalDate date, BigDecimal value, @Nullable String note) {}

    /** A row that will not be imported, and why (a message key with one detail, if any). */
    record Rejected(int line, String reasonKey, @Nullable String detail) {}

    sealed interface Reading {
        /** The whole file was refused: nothing in it can be imported. */
        record Refused(String messageKey) implements Reading {}

        record Read(List<Row> rows, List<Rejected> rejected) implements Reading {}
    }

    /** What is already recorded for the project: to reject duplicates and out-of-range percentages. */
    record Existing(Set<String> keys, Map<String, MeasureKind> kindsByLowerName) {}

    static final String MEASURE = "measure";
    static final String DATE = "date";
    static final String VALUE = "value";
    static final String NOTE = "note";

    private static final int DETAIL = 60;

    private MeasureCsv() {}

    static Reading read(byte[] bytes, LocalDate today, Existing existing) {
        if (bytes.length == 0) {
            return new Reading.Refused("measure.import.error.empty");
        }
        if (bytes.length > MeasureLimits.MAX_FILE_BYTES) {
            return new Reading.Refused("measure.import.error.too-big");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Reading.Refused("measure.import.error.not-csv");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            return new Reading.Refused("measure.import.error.not-csv");
        }
        if (text.isBlank()) {
            return new Reading.Refused("measure.import.error.empty");
        }
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            return read(parser, today, existing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken quote (a field never closed) this way.
            return new Reading.Refused("measure.import.error.not-csv");
        }
    }

    private static Reading read(CSVParser parser, LocalDate today, Existing existing) {
        var records = parser.iterator();
        if (!records.hasNext()) {
            return new Reading.Refused("measure.import.error.empty");
        }
        CSVRecord header = records.next();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!Set.of(MEASURE, DATE, VALUE, NOTE).contains(name) || columns.containsKey(name)) {
                return new Reading.Refused("measure.import.error.layout");
            }
            columns.put(name, i);
        }
        if (!columns.keySet().containsAll(Set.of(MEASURE, DATE, VALUE))) {
            return new Reading.Refused("measure.import.error.layout");
        }
        int width = header.size();
        List<Row> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int count = 0;
        while (records.hasNext()) {
            CSVRecord r = records.next();
            int line = (int) r.getRecordNumber();
            if (++count > MeasureLimits.MAX_ROWS) {
                return new Reading.Refused("measure.import.error.too-many-rows");
            }
            if (r.size() != width) {
                rejected.add(new Rejected(line, "measure.import.reason.columns", String.valueOf(r.size())));
                continue;
            }
            String measure = r.get(columns.get(MEASURE));
            String dateText = r.get(columns.get(DATE));
            String valueText = r.get(columns.get(VALUE));
            Integer noteColumn = columns.get(NOTE);
            String note = noteColumn == null ? "" : r.get(noteColumn);
            if (measure.isEmpty()) {
                rejected.add(new Rejected(line, "measure.import.reason.measure-missing", null));
                continue;
            }
            if (measure.length() > MeasureLimits.NAME) {
                rejected.add(new Rejected(line, "measure.import.reason.measure-too-long", String.valueOf(MeasureLimits.NAME)));
                continue;
            }
            if (dateText.isEmpty()) {
                rejected.add(new Rejected(line, "measure.import.reason.date-missing", null));
                continue;
            }
            LocalDate date = Values.date(dateText);
            if (date == null) {
                rejected.add(new Rejected(line, "measure.import.reason.date-bad", detail(dateText)));
                continue;
            }
            if (date.isAfter(today)) {
                rejected.add(new Rejected(line, "measure.import.reason.date-future", dateText));
                continue;
            }
            if (valueText.isEmpty()) {
                rejected.add(new Rejected(line, "measure.import.reason.value-missing", null));
                continue;
            }
            BigDecimal value = Values.number(valueText);
            if (value == null) {
                rejected.add(new Rejected(line, "measure.import.reason.value-not-number", detail(valueText)));
                continue;
            }
            if (!Values.inRange(value)) {
                rejected.add(new Rejected(line, "measure.import.reason.value-too-big", detail(valueText)));
                continue;
            }
            MeasureKind kind = existing.kindsByLowerName().get(measure.toLowerCase(Locale.ROOT));
            if (kind == MeasureKind.PERCENTAGE && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
                rejected.add(new Rejected(line, "measure.import.reason.percentage", detail(valueText)));
                continue;
            }
            if (kind == MeasureKind.COUNT && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
                rejected.add(new Rejected(line, "measure.import.reason.count", detail(valueText)));
                continue;
            }
            if (note.length() > MeasureLimits.NOTE) {
                rejected.add(new Rejected(line, "measure.import.reason.note-too-long", String.valueOf(MeasureLimits.NOTE)));
                continue;
            }
            String key = Values.key(measure, date, value);
            if (existing.keys().contains(key)) {
                rejected.add(new Rejected(line, "measure.import.reason.duplicate", null));
                continue;
            }
            Integer first = seen.putIfAbsent(key, line);
            if (first != null) {
                rejected.add(new Rejected(line, "measure.import.reason.repeated", String.valueOf(first)));
                continue;
            }
            rows.add(new Row(line, measure, date, value, note.isEmpty() ? null : note));
        }
        if (count == 0) {
            return new Reading.Refused("measure.import.error.no-rows");
        }
        return new Reading.Read(rows, rejected);
    }

    private static String detail(String text) {
        return text.length() <= DETAIL ? text : text.substring(0, DETAIL) + "…";
    }
}
