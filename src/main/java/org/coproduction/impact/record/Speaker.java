package org.coproduction.impact.record;

/** Who said it: someone in the organisation, a named person from outside it, or nobody named. */
public enum Speaker {
    MEMBER("record.speaker.member"),
    NAMED("record.speaker.named"),
    ANONYMOUS("record.speaker.anonymous");

    private final String messageKey;

    Speaker(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
