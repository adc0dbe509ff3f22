package org.coproduction.impact.assessment;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The judgement recorded for one outcome in one round: reasons in plain words and what happens next. */
public record OutcomeJudgement(UUID roundId, UUID outcomeId, Judgement judgement, String reasons, @Nullable String nextSteps,
        int version, OffsetDateTime recordedAt, @Nullable String recordedByName) {}
