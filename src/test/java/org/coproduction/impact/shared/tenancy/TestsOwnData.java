package org.coproduction.impact.shared.tenancy;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test's own thread sets up and checks its data across organisations, as the service's own work
 * ({@link OrganisationScope#standFor}): without a reason, a connection that names no organisation
 * reads none of their rows. The requests and jobs a test runs on that thread are still held strictly
 * and name their own organisation, so the reason does not reach them; the browser's requests and any
 * thread a test starts itself do not have it either.
 */
public class TestsOwnData implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        OrganisationScope.standFor("a test setting up and checking its own data");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        OrganisationScope.endStanding();
    }
}
