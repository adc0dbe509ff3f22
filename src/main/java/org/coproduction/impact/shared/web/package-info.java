@NullMarked
package org.coproduction.impact.shared.web;

import org.jspecify.annotations.NullMarked;
