package org.coproduction.impact.framework;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The sections of a framework, after the structure SCIE suggests in its guidance on developing a
 * co-production impact framework. Each has a title, guidance in our own words, a few prompts to
 * start a discussion, and a picture for its easy-read points. The slug is stored and used in
 * addresses, so it never changes once released.
 */
public enum Section {
    WHY(Part.INTRODUCTION, "why", "question", 3),
    WHAT_IS_A_FRAMEWORK(Part.INTRODUCTION, "what-is-a-framework", "map", 3),
    DEFINITIONS(Part.INTRODUCTION, "definitions", "book", 3),
    WHY_IMPACT_MATTERS(Part.INTRODUCTION, "why-impact-matters", "star", 3),
    COPRODUCTION(Part.INTRODUCTION, "co-production", "people", 4),
    HOW_DEVELOPED(Part.INTRODUCTION, "how-developed", "join", 4),
    POLICIES(Part.EQUITY_DIVERSITY_INCLUSION, "policies", "document", 3),
    VOICES(Part.EQUITY_DIVERSITY_INCLUSION, "voices", "speech", 4),
    PATHWAYS(Part.USING_THE_FRAMEWORK, "pathways", "map", 3),
    ASSESSING_OUTCOMES(Part.USING_THE_FRAMEWORK, "assessing-outcomes", "check", 4),
    TYPES_OF_EVIDENCE(Part.USING_THE_FRAMEWORK, "types-of-evidence", "chart", 3),
    EXAMPLES(Part.USING_THE_FRAMEWORK, "examples", "idea", 3),
    TEMPLATES(Part.TEMPLATES, "templates", "document", 3);

    private final Part part;
    private final String slug;
    private final String icon;
    private final int prompts;

    Section(Part part, String slug, String icon, int prompts) {
        this.part = part;
        this.slug = slug;
        this.icon = icon;
        this.prompts = prompts;
    }

    public Part part() {
        return part;
    }

    public String slug() {
        return slug;
    }

    /** The name of the picture beside this section's easy-read points ({@code components/icon}). */
    public String icon() {
        return icon;
    }

    public String titleKey() {
        return "framework.section." + slug + ".title";
    }

    public String guidanceKey() {
        return "framework.section." + slug + ".guidance";
    }

    public List<String> promptKeys() {
        return IntStream.rangeClosed(1, prompts).mapToObj(n -> "framework.section." + slug + ".prompt." + n).toList();
    }

    /** Every message key a section uses, for the messages check. */
    public List<String> messageKeys() {
        return Stream.concat(Stream.of(titleKey(), guidanceKey()), promptKeys().stream()).toList();
    }

    public static Optional<Section> bySlug(String slug) {
        return Stream.of(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }
}
