package org.coproduction.impact.together;

import java.time.LocalDate;
import java.util.UUID;

/** One round of the self-assessment of a project; rounds are repeated over time and compared. */
public record SelfAssessment(UUID id, UUID projectId, String title, LocalDate openedOn) {}
