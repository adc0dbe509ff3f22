@NullMarked
package org.coproduction.impact.shared.security;

import org.jspecify.annotations.NullMarked;
