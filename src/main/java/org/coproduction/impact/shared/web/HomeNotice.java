package org.coproduction.impact.shared.web;

import java.util.List;

/**
 * Something a feature wants the signed-in person to see on their home page, such as a review
 * coming up: words (a message key and its arguments), a link to act on it, and whether it is a
 * warning (overdue) rather than information. An empty {@code href} means there is nothing to link to.
 */
public record HomeNotice(String messageKey, List<Object> args, String href, String linkKey, boolean warning) {

    public HomeNotice {
        args = List.copyOf(args);
    }

    public Object[] messageArgs() {
        return args.toArray();
    }
}
