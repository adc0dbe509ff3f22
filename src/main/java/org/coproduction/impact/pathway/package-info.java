/**
 * Projects and their pathways to impact: the problem, the targeted impact (project impact and
 * co-production impact), outcomes in sequence, the activities that lead to them, and 'I' and 'We'
 * statements. Built by backwards mapping, checked for gaps in its logic, drawn as a diagram, with
 * every saved change kept.
 */
@NullMarked
package org.coproduction.impact.pathway;

import org.jspecify.annotations.NullMarked;
