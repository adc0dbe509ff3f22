package org.coproduction.impact.record;

/** A published item with the name of its project, as a viewer reads it. */
public record PublishedItem(String projectName, RecordedItem item) {}
