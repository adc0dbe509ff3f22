@NullMarked
package org.coproduction.impact.plan.web;

import org.jspecify.annotations.NullMarked;
