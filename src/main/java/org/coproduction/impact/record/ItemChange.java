package org.coproduction.impact.record;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A saved change to an item: who made it, when, and the item's title and words as they were before. */
public record ItemChange(OffsetDateTime changedAt, @Nullable String changedByName, String titleBefore, @Nullable String wordsBefore) {}
