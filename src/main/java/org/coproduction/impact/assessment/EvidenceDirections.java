package org.coproduction.impact.assessment;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coproduction.impact.evidence.EvidenceType;

/**
 * Triangulation stated plainly: for each of SCIE's types of evidence the outcome has, which way it
 * points. A type points towards the outcome when some of its evidence does and none points away,
 * away in the opposite case, and is mixed when both are found. People's words and stories are read,
 * not counted: a type with nothing but those is "to read".
 */
public record EvidenceDirections(Map<EvidenceType, Direction> byType) {

    public EvidenceDirections {
        byType = Map.copyOf(byType);
    }

    /** One piece of evidence: its type and which way it points. */
    public record Piece(EvidenceType type, Direction direction) {}

    public static EvidenceDirections of(Collection<Piece> pieces) {
        Map<EvidenceType, Set<Direction>> seen = new EnumMap<>(EvidenceType.class);
        pieces.forEach(p -> seen.computeIfAbsent(p.type(), t -> EnumSet.noneOf(Direction.class)).add(p.direction()));
        Map<EvidenceType, Direction> byType = new EnumMap<>(EvidenceType.class);
        seen.forEach((type, directions) -> byType.put(type, combine(directions)));
        return new EvidenceDirections(byType);
    }

    static Direction combine(Set<Direction> directions) {
        boolean towards = directions.contains(Direction.TOWARDS);
        boolean away = directions.contains(Direction.AWAY);
        if (towards && away) {
            return Direction.MIXED;
        }
        if (towards) {
            return Direction.TOWARDS;
        }
        if (away) {
            return Direction.AWAY;
        }
        return directions.contains(Direction.MIXED) ? Direction.MIXED : Direction.TO_READ;
    }

    /** How many types the outcome has any evidence of. */
    public int types() {
        return byType.size();
    }

    /** The types pointing this way, in SCIE's order. */
    public List<EvidenceType> pointing(Direction direction) {
        return EnumSet.allOf(EvidenceType.class).stream().filter(t -> byType.get(t) == direction).toList();
    }
}
