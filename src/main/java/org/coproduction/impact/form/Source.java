package org.coproduction.impact.form;

import java.util.Locale;

/** How a response came in. */
public enum Source {
    /** Through the public link or QR code, on the person's own device. */
    ONLINE,
    /** On a shared tablet in kiosk mode. */
    KIOSK,
    /** On a paper copy, typed in afterwards by a facilitator. */
    PAPER,
    /** Brought in from another tool's export (Microsoft Forms, Google Forms, SurveyMonkey), with the time it was sent there. */
    IMPORT;

    public String messageKey() {
        return "form.source." + name().toLowerCase(Locale.ROOT);
    }
}
