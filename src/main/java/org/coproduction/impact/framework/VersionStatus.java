package org.coproduction.impact.framework;

import java.util.Locale;

/** A draft can be changed by facilitators and admins; a published version never changes. */
public enum VersionStatus {
    DRAFT,
    PUBLISHED;

    public String messageKey() {
        return "framework.status." + name().toLowerCase(Locale.ROOT);
    }
}
