/**
 * Photographs, sound recordings and documents attached to evidence. Uploads are checked by their
 * content (never their name) against a short allow-list, limited in size, and stored in the
 * database so any instance can serve them; photos lose their location and camera details before
 * they are stored. Images carry a text description, required before they are used in a report.
 */
@ApplicationModule(displayName = "Media files", allowedDependencies = {"shared", "pathway"})
@NullMarked
package org.coproduction.impact.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
