@NullMarked
package org.coproduction.impact.framework.web;

import org.jspecify.annotations.NullMarked;
