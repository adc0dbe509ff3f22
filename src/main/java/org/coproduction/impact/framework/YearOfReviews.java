package org.coproduction.impact.framework;

import java.time.LocalDate;
import java.util.List;
import org.coproduction.impact.shared.tenancy.Tenant;

/**
 * The projects reviewed in the framework's year, for its yearly review page: which projects held a
 * closed review round between two days, and the judgements agreed. The framework does not know about
 * projects or reviews; a later module answers this, in words ready to show.
 */
public interface YearOfReviews {

    /** Projects reviewed between {@code from} and {@code to} (both included), oldest review first. */
    List<ReviewedProject> reviewedBetween(Tenant tenant, LocalDate from, LocalDate to);

    /** One closed review of a project: its name, the review's title and day, and each outcome's judgement. */
    record ReviewedProject(String project, String review, LocalDate reviewedOn, List<Judged> judgements) {

        public ReviewedProject {
            judgements = List.copyOf(judgements);
        }
    }

    /** An outcome and the judgement agreed on it, in words. */
    record Judged(String outcome, String judgement) {}
}
