package org.coproduction.impact.shared.web;

import java.util.List;
import org.coproduction.impact.shared.tenancy.Tenant;

/**
 * Implemented by a feature that has notices for the home page. The home page (in the organisation
 * module) collects them from every feature without depending on any of them.
 */
public interface HomeNotices {

    List<HomeNotice> noticesFor(Tenant tenant);
}
