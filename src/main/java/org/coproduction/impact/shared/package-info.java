/**
 * The few things every feature uses: the web layout and components, security and tenancy,
 * the database set-up, the audit log and outgoing mail. Open to every module.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.coproduction.impact.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
