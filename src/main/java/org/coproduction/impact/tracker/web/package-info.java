@NullMarked
package org.coproduction.impact.tracker.web;

import org.jspecify.annotations.NullMarked;
