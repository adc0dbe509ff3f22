/**
 * Documents to download: a print page rendered as a tagged, accessible PDF (PDF/UA-1) with the
 * fonts that ship with the service, and the Word styles every .docx shares.
 */
@NullMarked
package org.coproduction.impact.shared.document;

import org.jspecify.annotations.NullMarked;
