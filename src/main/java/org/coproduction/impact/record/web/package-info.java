@NullMarked
package org.coproduction.impact.record.web;

import org.jspecify.annotations.NullMarked;
