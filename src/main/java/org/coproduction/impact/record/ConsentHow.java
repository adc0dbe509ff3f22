package org.coproduction.impact.record;

/** How a person gave their consent. */
public enum ConsentHow {
    WRITTEN("record.consent.how.written"),
    VERBAL("record.consent.how.verbal"),
    EASY_READ("record.consent.how.easy-read");

    private final String messageKey;

    ConsentHow(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
