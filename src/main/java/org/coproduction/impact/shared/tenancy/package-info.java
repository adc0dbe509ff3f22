@NullMarked
package org.coproduction.impact.shared.tenancy;

import org.jspecify.annotations.NullMarked;
