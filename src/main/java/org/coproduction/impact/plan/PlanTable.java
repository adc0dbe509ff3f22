package org.coproduction.impact.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan as SCIE's assessment-plan table, in words ready to show: the column headings, then one
 * line per current plan row (removed rows left out), and a line with empty cells for an outcome
 * that has no plan yet. The CSV, PDF and Word exports are all made from it.
 */
public record PlanTable(String projectName, List<String> header, List<List<String>> rows) {

    public PlanTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /**
     * The column of the type of evidence: the service's words (the name of a SCIE evidence type). Every
     * other cell of a line is the organisation's own words (an outcome removed from the pathway has the
     * service's note beside its title).
     */
    public static final int TYPE = 1;

    /** The column of the group's "what will success look like?" in the CSV. */
    static final int SUCCESS = 4;

    /**
     * The table for a printed page, where ten columns are too many: "what will success look like"
     * and "how will we know" share one column under the given heading, one line each.
     */
    public PlanTable withSuccessAndHowTogether(String heading) {
        return new PlanTable(projectName, joined(header, heading), rows.stream().map(r -> joined(r, together(r))).toList());
    }

    private static String together(List<String> row) {
        String how = row.get(SUCCESS + 1);
        return how.isBlank() ? row.get(SUCCESS) : row.get(SUCCESS) + "\n" + how;
    }

    private static List<String> joined(List<String> row, String cell) {
        List<String> out = new ArrayList<>(row.subList(0, SUCCESS));
        out.add(cell);
        out.addAll(row.subList(SUCCESS + 2, row.size()));
        return out;
    }
}
