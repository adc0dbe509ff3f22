@NullMarked
package org.coproduction.impact.shared.audit;

import org.jspecify.annotations.NullMarked;
