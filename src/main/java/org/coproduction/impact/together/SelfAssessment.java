package org.coproduction.impact.together;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One round of the self-assessment of a project, or of the whole organisation ({@code projectId}
 * null); rounds are repeated over time and compared.
 */
public record SelfAssessment(UUID id, @Nullable UUID projectId, String title, LocalDate openedOn) {}
