/**
 * Who took part, and how well the work reached the community: the "about you" answers (kept and
 * audited by {@code form.AboutYouAnswers}) counted per project and across the organisation, set
 * beside a local population profile from the census that an ADMIN imports, with small numbers
 * hidden so no one can be picked out; members' own "about you" profile; the reciprocity ledger;
 * people's access needs; and the "How we worked together" section of reports.
 */
@ApplicationModule(displayName = "Who took part", allowedDependencies = {"shared", "organisation", "pathway", "form", "report", "together"})
@NullMarked
package org.coproduction.impact.involvement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
