package org.coproduction.impact.framework;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The four parts of a framework, in the order of SCIE's suggested structure. */
public enum Part {
    INTRODUCTION,
    EQUITY_DIVERSITY_INCLUSION,
    USING_THE_FRAMEWORK,
    TEMPLATES;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String titleKey() {
        return "framework.part." + slug() + ".title";
    }

    public List<Section> sections() {
        return Stream.of(Section.values()).filter(s -> s.part() == this).toList();
    }
}
