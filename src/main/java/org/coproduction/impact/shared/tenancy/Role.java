package org.coproduction.impact.shared.tenancy;

/** What a person may do in one organisation. */
public enum Role {
    /** Manages the organisation and its people. */
    ADMIN,
    /** Runs projects, builds plans and forms, records evidence. */
    FACILITATOR,
    /** A co-production group member or staff member: takes part, sees what is shared. */
    MEMBER,
    /** A partner or funder: reads published reports only. */
    VIEWER;

    public String messageKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
