package org.coproduction.impact.form;

import java.util.Locale;

/** Whether a form takes answers. A draft is being written; a closed form takes no more. */
public enum FormStatus {
    DRAFT,
    OPEN,
    CLOSED;

    public String messageKey() {
        return "form.status." + name().toLowerCase(Locale.ROOT);
    }
}
