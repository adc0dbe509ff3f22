/**
 * The whole-organisation export: each module contributes its own tables through an {@link
 * org.coproduction.impact.shared.export.OrganisationExportPart}, written into one zip by {@link
 * org.coproduction.impact.shared.export.ExportZip} (format in docs/export-format.md).
 */
@NullMarked
package org.coproduction.impact.shared.export;

import org.jspecify.annotations.NullMarked;
