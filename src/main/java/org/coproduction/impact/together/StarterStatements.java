package org.coproduction.impact.together;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coproduction.impact.shared.web.Languages;

/**
 * The starter set of statements, three per principle, written from SCIE's description of the four
 * principles and its recommendations on inclusion, access, payment and recognition. Each organisation
 * gets its own copy the first time it uses the self-assessment, and edits it from there, in the
 * language of the person whose visit makes the copy (Welsh words in {@link #WELSH}).
 */
final class StarterStatements {

    private StarterStatements() {}

    record Starter(Principle principle, String words, String easyRead) {}

    /** The Welsh of each statement: English TAB Welsh TAB Welsh easy read, one statement a line. */
    static final String WELSH = "/together/starter-statements.cy.tsv";

    /** The starter set in the current language: Welsh for a person using the service in Welsh. */
    static List<Starter> inCurrentLanguage() {
        if (!Languages.welsh()) {
            return ALL;
        }
        Map<String, String[]> welsh = welsh();
        return ALL.stream().map(s -> {
            String[] row = welsh.get(s.words());
            if (row == null) {
                throw new IllegalStateException("no Welsh in " + WELSH + " for: " + s.words());
            }
            return new Starter(s.principle(), row[1], row[2]);
        }).toList();
    }

    /** The rows of {@link #WELSH}, by their English statement. */
    static Map<String, String[]> welsh() {
        try (InputStream in = StarterStatements.class.getResourceAsStream(WELSH)) {
            if (in == null) {
                throw new IllegalStateException("missing " + WELSH);
            }
            Map<String, String[]> rows = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String[] row = line.split("\t");
                if (row.length == 3) {
                    rows.put(row[0].strip(), new String[] {row[0].strip(), row[1].strip(), row[2].strip()});
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<Starter> ALL = List.of(
            new Starter(Principle.EQUALITY, "Members’ views count as much as staff views when decisions are made.",
                    "My views count as much as staff views."),
            new Starter(Principle.EQUALITY, "The group uses everyone’s skills and experience, not only professionals’.",
                    "The group uses what I know and what I can do."),
            new Starter(Principle.EQUALITY, "Members help decide what the group works on.", "I help decide what we work on."),
            new Starter(Principle.DIVERSITY, "The group includes people whose voices are seldom heard.",
                    "Our group has lots of different people in it."),
            new Starter(Principle.DIVERSITY, "We make an extra effort to reach people who are missing from the group.",
                    "We ask people who are not here yet to join us."),
            new Starter(Principle.DIVERSITY, "People from every background feel welcome in the group.", "Everyone is welcome in our group."),
            new Starter(Principle.ACCESSIBILITY, "Meetings are at times and places members can get to.", "I can get to our meetings."),
            new Starter(Principle.ACCESSIBILITY, "Papers come in a form each member can use, such as easy read, large print or audio.",
                    "I get papers I can read and understand."),
            new Starter(Principle.ACCESSIBILITY, "Members are asked about their access needs, and those needs are met.",
                    "People ask what help I need. I get that help."),
            new Starter(Principle.RECIPROCITY, "Members are paid or thanked for their time in the way that was agreed.",
                    "I am paid or thanked for my time, the way we agreed."),
            new Starter(Principle.RECIPROCITY, "Members gain something from taking part, such as skills, confidence or friends.",
                    "I get something good from being in the group."),
            new Starter(Principle.RECIPROCITY, "Members hear back about what changed because of their work.",
                    "People tell me what changed because of what I said."));
}
