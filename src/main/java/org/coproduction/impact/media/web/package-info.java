@NullMarked
package org.coproduction.impact.media.web;

import org.jspecify.annotations.NullMarked;
