package org.coproduction.impact.plan;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coproduction.impact.evidence.EvidenceType;

/**
 * Where an outcome's plan relies on one type of evidence, suggests a second one to check it
 * against (triangulation): numbers say how much changed, people's voices say what it meant, a task
 * done says it happened, and ratings before and after say by how much people moved. SCIE's
 * real-life examples pair types in just this way (views with numbers; ratings with views; a task
 * with a count).
 */
public final class Triangulation {

    private static final Map<EvidenceType, EvidenceType> SECOND = new EnumMap<>(Map.of(
            EvidenceType.QUANTITATIVE, EvidenceType.PEOPLES_VOICES,
            EvidenceType.PEOPLES_VOICES, EvidenceType.QUANTITATIVE,
            EvidenceType.PEOPLES_RATINGS, EvidenceType.PEOPLES_VOICES,
            EvidenceType.TASKS_COMPLETED, EvidenceType.QUANTITATIVE,
            EvidenceType.PROGRESS_REPORTS, EvidenceType.PEOPLES_VOICES));

    private Triangulation() {}

    /** The type to add, when every row uses the same single type; nothing when there are no rows or already two types. */
    public static Optional<EvidenceType> secondType(Collection<EvidenceType> usedByRows) {
        Set<EvidenceType> used = usedByRows.isEmpty() ? Set.of() : EnumSet.copyOf(usedByRows);
        return used.size() == 1 ? Optional.of(SECOND.get(used.iterator().next())) : Optional.empty();
    }

    /** Why the second type helps, for the one type in use. */
    public static String reasonKey(EvidenceType onlyType) {
        return "plan.triangulate." + onlyType.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
