/**
 * Reading the spreadsheets people bring (CSV in any of the ways Excel saves it, and XLSX) row by row,
 * for the imports: {@link org.coproduction.impact.shared.sheet.SheetRows}.
 */
@NullMarked
package org.coproduction.impact.shared.sheet;

import org.jspecify.annotations.NullMarked;
