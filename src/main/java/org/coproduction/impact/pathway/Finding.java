package org.coproduction.impact.pathway;

import java.util.List;

/**
 * A plain-language finding about a pathway's logic: which rule, the message (a message key and
 * its arguments) and where to go to fix it.
 */
public record Finding(String rule, String messageKey, List<String> args, String fixHref) {

    public Finding {
        args = List.copyOf(args);
    }

    public Object[] messageArgs() {
        return args.toArray();
    }
}
