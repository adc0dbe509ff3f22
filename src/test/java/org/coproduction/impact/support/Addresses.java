package org.coproduction.impact.support;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Where a test's request comes from. */
public final class Addresses {

    private Addresses() {}

    /**
     * A request from a private address picked at random, so a test that answers many forms is not
     * slowed by the public pages' per-address limits that other tests' requests have used up.
     */
    public static RequestPostProcessor anyAddress() {
        return from(random());
    }

    /** A private address picked at random, for a test whose requests come from one address. */
    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 250) + "." + random.nextInt(250) + "." + random.nextInt(1, 250);
    }

    /** A request from this address. */
    public static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }
}
