@NullMarked
package org.coproduction.impact.form.web;

import org.jspecify.annotations.NullMarked;
