package org.coproduction.impact.pathway;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One saved change to a pathway: its number, who made it and when, and what it was. */
public record Revision(UUID id, int number, OffsetDateTime createdAt, @Nullable String authorName, String summary) {}
