package org.coproduction.impact.together;

import java.util.UUID;

/** One of the organisation's self-assessment statements: plain words for staff, easy read for members. */
public record Statement(UUID id, Principle principle, String words, String easyRead, int position, int version) {}
