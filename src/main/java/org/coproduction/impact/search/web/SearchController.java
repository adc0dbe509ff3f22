package org.coproduction.impact.search.web;

import org.coproduction.impact.search.SearchService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: a GET form, so results are a plain address that works without JavaScript. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(Tenant tenant, @RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("results", search.search(tenant, q == null ? "" : q));
        return "search/search";
    }
}
