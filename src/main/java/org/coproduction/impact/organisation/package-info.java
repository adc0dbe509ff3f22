/**
 * Organisations (tenants), the people in them and their roles, accounts, sign-in,
 * invitations and the platform operator's view.
 */
@NullMarked
package org.coproduction.impact.organisation;

import org.jspecify.annotations.NullMarked;
