/**
 * Data points: numbers a project collects over time for a named measure (people using the day
 * centre, the share of positive feedback), entered by hand or imported from a CSV file after a
 * preview of every row that will be imported or rejected. Measures are tagged to the outcomes and
 * plan rows they are evidence for, and count as quantitative evidence.
 */
@ApplicationModule(displayName = "Data points", allowedDependencies = {"shared", "organisation", "evidence", "pathway", "plan"})
@NullMarked
package org.coproduction.impact.measure;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
