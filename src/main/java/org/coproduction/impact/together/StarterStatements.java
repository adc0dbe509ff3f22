package org.coproduction.impact.together;

import java.util.List;

/**
 * The starter set of statements, three per principle, written from SCIE's description of the four
 * principles and its recommendations on inclusion, access, payment and recognition. Each organisation
 * gets its own copy the first time it uses the self-assessment, and edits it from there.
 */
final class StarterStatements {

    private StarterStatements() {}

    record Starter(Principle principle, String words, String easyRead) {}

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
