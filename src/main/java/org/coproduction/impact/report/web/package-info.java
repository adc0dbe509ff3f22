/** Pages of impact and learning reports: drafting, publishing, reading, downloading, easy read. */
@NullMarked
package org.coproduction.impact.report.web;

import org.jspecify.annotations.NullMarked;
