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
        return r -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            r.setRemoteAddr("10." + random.nextInt(1, 250) + "." + random.nextInt(250) + "." + random.nextInt(1, 250));
            return r;
        };
    }
}
