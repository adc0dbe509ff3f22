package org.coproduction.impact.involvement.web;

/** The reciprocity entry page's fields as typed (dates as day, month and year), shown again with any problems. */
public record ReciprocityForm(String person, String kind, String description, String amount, String offeredDay, String offeredMonth,
        String offeredYear, String givenDay, String givenMonth, String givenYear, boolean advice) {}
