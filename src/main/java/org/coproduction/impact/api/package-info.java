/**
 * The read-only API for an organisation's own dashboards (Power BI) and its funders: API tokens an
 * ADMIN makes and revokes (scoped, kept only as a hash, audited), and JSON for projects, pathways,
 * plans, forms with their counted answers, data points and published reports, read through the
 * other modules' own services, paged with cursors, described by an OpenAPI document (docs/api.md).
 */
@ApplicationModule(displayName = "API",
        allowedDependencies = {"shared", "evidence", "pathway", "plan", "form", "measure", "report"})
@NullMarked
package org.coproduction.impact.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
