package org.coproduction.impact.plan;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A comment on a project's plan from someone taking part. */
public record PlanComment(UUID id, String authorName, String text, OffsetDateTime createdAt) {}
