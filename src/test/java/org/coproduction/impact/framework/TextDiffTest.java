package org.coproduction.impact.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.coproduction.impact.framework.TextDiff.Kind;
import org.coproduction.impact.framework.TextDiff.Piece;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void sameTextIsOnePieceKept() {
        assertThat(TextDiff.diff("We listen.", "We listen.")).containsExactly(new Piece(Kind.SAME, "We listen."));
        assertThat(TextDiff.changed(TextDiff.diff("We listen.", "We listen."))).isFalse();
        assertThat(TextDiff.diff("", "")).isEmpty();
    }

    @Test
    void addedWordsAreMarkedWhereTheyGo() {
        assertThat(TextDiff.diff("We ask who takes part.", "We ask who takes part and who is missing."))
                .containsExactly(new Piece(Kind.SAME, "We ask who takes part"), new Piece(Kind.ADDED, " and who is missing"),
                        new Piece(Kind.SAME, "."));
    }

    @Test
    void aChangedWordIsTakenOutThenPutIn() {
        assertThat(TextDiff.diff("Staff feel confident.", "Staff feel proud."))
                .containsExactly(new Piece(Kind.SAME, "Staff feel "), new Piece(Kind.REMOVED, "confident"),
                        new Piece(Kind.ADDED, "proud"), new Piece(Kind.SAME, "."));
    }

    @Test
    void wordsWithApostrophesAndHyphensStayWhole() {
        assertThat(TextDiff.diff("People’s co-production voices", "People’s co-production ratings"))
                .containsExactly(new Piece(Kind.SAME, "People’s co-production "), new Piece(Kind.REMOVED, "voices"),
                        new Piece(Kind.ADDED, "ratings"));
    }

    @Test
    void linesAndEverythingRemovedOrAddedAreKept() {
        assertThat(TextDiff.diff("One.\nTwo.", "One.\nThree.\nTwo."))
                .extracting(Piece::kind).contains(Kind.ADDED).doesNotContain(Kind.REMOVED);
        assertThat(TextDiff.diff("Gone", "")).containsExactly(new Piece(Kind.REMOVED, "Gone"));
        assertThat(TextDiff.diff("", "New")).containsExactly(new Piece(Kind.ADDED, "New"));
    }

    @Test
    void bothSidesCanBeRebuiltFromThePieces() {
        String before = "Impact is the big change.\n\nOutcomes are smaller changes, on the way.";
        String after = "Impact is the long-term change we want.\n\nOutcomes are the smaller changes on the way to it.";
        List<Piece> pieces = TextDiff.diff(before, after);

        assertThat(text(pieces, Kind.ADDED)).isEqualTo(before);
        assertThat(text(pieces, Kind.REMOVED)).isEqualTo(after);
    }

    @Test
    void veryLongChangedTextsAreShownTakenOutAndPutInWhole() {
        String before = "a ".repeat(3000);
        String after = "b ".repeat(3000);

        assertThat(TextDiff.diff("x " + before + "y", "x " + after + "y")).extracting(Piece::kind)
                .containsExactly(Kind.SAME, Kind.REMOVED, Kind.ADDED, Kind.SAME);
    }

    @Test
    void aRewrittenSentenceReadsAsBeforeThenAfterNotWordByWord() {
        assertThat(TextDiff.diff("Groups who are often missing.", "At our first review, no one was young."))
                .containsExactly(new Piece(Kind.REMOVED, "Groups who are often missing"),
                        new Piece(Kind.ADDED, "At our first review, no one was young"), new Piece(Kind.SAME, "."));
    }

    /** The text the pieces make when those of one kind are left out. */
    private static String text(List<Piece> pieces, Kind leftOut) {
        return pieces.stream().filter(p -> p.kind() != leftOut).map(Piece::text).collect(Collectors.joining());
    }
}
