/** The pages of outcome reviews: rounds, members' own views, evidence summaries, judgements and progress. */
@NullMarked
package org.coproduction.impact.assessment.web;

import org.jspecify.annotations.NullMarked;
