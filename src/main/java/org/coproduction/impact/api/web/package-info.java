@NullMarked
package org.coproduction.impact.api.web;

import org.jspecify.annotations.NullMarked;
