/**
 * The action tracker and progress reports. A project's tasks and milestones: who owns them, when
 * they are due, their status (with every change kept), and the evidence that each is done (a note
 * and a document). Progress reports for a period: key milestones, challenges, risks, and items chosen
 * from the project's evidence, shown only where consent covers the report's audience, decided each
 * time the report is shown. Done tasks and progress reports are evidence for outcomes.
 */
@ApplicationModule(displayName = "Tasks, milestones and progress reports",
        allowedDependencies = {"shared", "organisation", "evidence", "pathway", "plan", "media"})
@NullMarked
package org.coproduction.impact.tracker;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
