package org.coproduction.impact.together;

/** How it went, as a face to choose: the words beside each face say the same. */
public enum Face {
    GOOD("face-happy"),
    MIXED("face-ok"),
    BAD("face-sad");

    private final String icon;

    Face(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }

    public String messageKey() {
        return switch (this) {
            case GOOD -> "together.face.good";
            case MIXED -> "together.face.mixed";
            case BAD -> "together.face.bad";
        };
    }
}
