package org.coproduction.impact.record;

import java.util.List;
import org.coproduction.impact.evidence.EvidenceType;

/**
 * What kind of thing was recorded. An activity is counted (quantitative evidence); everything else is
 * people's voices, in their own words.
 */
public enum RecordKind {
    ACTIVITY("record.kind.activity", "record.kind.activity.hint"),
    COMMENT("record.kind.comment", "record.kind.comment.hint"),
    QUOTE("record.kind.quote", "record.kind.quote.hint"),
    INTERVIEW("record.kind.interview", "record.kind.interview.hint"),
    DISCUSSION("record.kind.discussion", "record.kind.discussion.hint"),
    DIARY("record.kind.diary", "record.kind.diary.hint"),
    LOG("record.kind.log", "record.kind.log.hint"),
    PHOTO("record.kind.photo", "record.kind.photo.hint"),
    CASE_STUDY("record.kind.case-study", "record.kind.case-study.hint");

    private final String messageKey;
    private final String hintKey;

    RecordKind(String messageKey, String hintKey) {
        this.messageKey = messageKey;
        this.hintKey = hintKey;
    }

    /** The kind's name, e.g. "A quote". */
    public String messageKey() {
        return messageKey;
    }

    public String hintKey() {
        return hintKey;
    }

    public EvidenceType type() {
        return this == ACTIVITY ? EvidenceType.QUANTITATIVE : EvidenceType.PEOPLES_VOICES;
    }

    /** The kinds a facilitator records on the people's-voices form (case studies and activities have forms of their own). */
    public static final List<RecordKind> VOICES = List.of(COMMENT, QUOTE, INTERVIEW, DISCUSSION, DIARY, LOG);

    /** The kinds a member may add themselves. */
    public static final List<RecordKind> MEMBERS_OWN = List.of(COMMENT, DIARY, PHOTO);

    public boolean isVoice() {
        return VOICES.contains(this);
    }
}
