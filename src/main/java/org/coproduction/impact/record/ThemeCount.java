package org.coproduction.impact.record;

/** A free theme and how many current items of the project carry it. */
public record ThemeCount(String theme, int count) {}
