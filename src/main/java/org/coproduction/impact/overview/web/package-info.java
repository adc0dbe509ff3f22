/** The overview's pages and downloads (internal to the module). */
@NullMarked
package org.coproduction.impact.overview.web;

import org.jspecify.annotations.NullMarked;
