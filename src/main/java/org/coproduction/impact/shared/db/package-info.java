@NullMarked
package org.coproduction.impact.shared.db;

import org.jspecify.annotations.NullMarked;
