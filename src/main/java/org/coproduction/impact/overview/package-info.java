/**
 * The organisation overview: for admins and facilitators, every project at once, with its outcomes,
 * the judgements of its latest closed review, how much of its planned evidence has come in, and
 * what was recorded and answered month by month, filtered by period and by whether a project is
 * planned, running or ended; as tables, charts and CSV or Excel downloads. It only reads, through the
 * public services of the modules that hold the figures, each of which counts in SQL or keeps its
 * counts settled, so the page costs the same at a hundred answers or a million.
 */
@ApplicationModule(displayName = "Organisation overview",
        allowedDependencies = {"shared", "organisation", "evidence", "pathway", "plan", "form", "record", "assessment"})
@NullMarked
package org.coproduction.impact.overview;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
