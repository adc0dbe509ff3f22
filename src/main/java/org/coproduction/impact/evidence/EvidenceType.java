package org.coproduction.impact.evidence;

import java.util.Locale;

/**
 * SCIE's five types of evidence. Each outcome is best shown by more than one type: numbers say how
 * much changed, people's own words say what it meant to them.
 */
public enum EvidenceType {
    /** Numbers: people engaged, people taking part, the share of positive feedback. */
    QUANTITATIVE,
    /** What people say in their own words: views on wellbeing, relevance, accessibility, satisfaction. */
    PEOPLES_VOICES,
    /** People rating something, often before and after (knowledge, understanding, experience). */
    PEOPLES_RATINGS,
    /** Something done or made: a board formed and active, a report completed and published. */
    TASKS_COMPLETED,
    /** A review of a set period: milestones, challenges, risks and case studies. */
    PROGRESS_REPORTS;

    private String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The type's name. */
    public String messageKey() {
        return "evidence.type." + slug();
    }

    /** What the type is, in one plain sentence. */
    public String descriptionKey() {
        return "evidence.type." + slug() + ".description";
    }

    /** SCIE's examples of this type of evidence. */
    public String examplesKey() {
        return "evidence.type." + slug() + ".examples";
    }
}
