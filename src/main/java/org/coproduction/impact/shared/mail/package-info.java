@NullMarked
package org.coproduction.impact.shared.mail;

import org.jspecify.annotations.NullMarked;
