package org.coproduction.impact.together;

import org.coproduction.impact.evidence.ConsentUse;

/** Message keys the pages choose between, written out in full so every key can be found where it is used. */
public final class TogetherWords {

    private TogetherWords() {}

    /** Who may use someone's words, in the words the writer chose them with. */
    public static String use(ConsentUse use) {
        return switch (use) {
            case INTERNAL_LEARNING -> "together.use.internal-learning";
            case FUNDER_REPORTS -> "together.use.funder-reports";
            case PUBLIC -> "together.use.public";
        };
    }

    public static String writer(boolean byMember) {
        return byMember ? "together.reflections.by-member" : "together.reflections.by-staff";
    }

    public static String changeTag(boolean made) {
        return made ? "together.lesson.made.tag" : "together.lesson.not-made.tag";
    }

    public static String lessonFormTitle(boolean isNew) {
        return isNew ? "together.lesson.new.title" : "together.lesson.edit.title";
    }

    /** A reflection's short name in a list: its first words, or its face when it has no words. */
    public static String reflectionName(Reflection r) {
        if (!r.title().isEmpty()) {
            return r.title();
        }
        return org.coproduction.impact.shared.web.Ui.t(r.face() == null ? "together.reflections.item" : r.face().messageKey());
    }

    /** The four-point scale, 4 highest. */
    public static String scale(int score) {
        return switch (score) {
            case 4 -> "together.scale.always";
            case 3 -> "together.scale.mostly";
            case 2 -> "together.scale.sometimes";
            case 1 -> "together.scale.never";
            default -> throw new IllegalArgumentException("a score is from 1 to 4: " + score);
        };
    }
}
