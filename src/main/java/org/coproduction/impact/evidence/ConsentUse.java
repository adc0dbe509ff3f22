package org.coproduction.impact.evidence;

import java.util.Locale;

/** What a person has agreed their words, picture or story may be used for. */
public enum ConsentUse {
    /** Learning inside the organisation and the group. */
    INTERNAL_LEARNING,
    /** Reports to funders and commissioners. */
    FUNDER_REPORTS,
    /** Anything published: the website, social media, public reports. */
    PUBLIC;

    public String messageKey() {
        return "consent.use." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
