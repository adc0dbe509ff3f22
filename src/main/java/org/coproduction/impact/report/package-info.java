/**
 * Impact and learning reports: telling others what changed, on what evidence. A report starts from a
 * closed review round, is written as a draft (the narrative assessment of the project impact and the
 * co-production impact, what worked and what did not, what happens next, chosen stories), and is
 * then published. Publishing freezes the figures, judgements and wording in a snapshot; a new version
 * can be published and older ones are kept. Items about people stay references, checked for consent
 * for the report's audience every time it is shown or downloaded. Published reports are read as a
 * page, a tagged PDF, a Word file and an easy-read summary. Nothing else depends on this module.
 */
@ApplicationModule(displayName = "Impact and learning reports",
        allowedDependencies = {"shared", "organisation", "framework", "evidence", "pathway", "plan", "form", "measure", "assessment"})
@NullMarked
package org.coproduction.impact.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
