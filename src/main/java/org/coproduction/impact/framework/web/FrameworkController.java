package org.coproduction.impact.framework.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.framework.FrameworkService;
import org.coproduction.impact.framework.FrameworkVersion;
import org.coproduction.impact.framework.VersionSummary;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The framework's pages: where it stands, every version, one version to read, and two compared.
 * Everyone in the organisation reads published versions; facilitators and admins also see the draft.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER, Role.VIEWER})
class FrameworkController {

    private final FrameworkService frameworks;

    FrameworkController(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @GetMapping("/framework")
    String showFramework(Tenant tenant, Model model) {
        // An editor's first visit starts the first draft from the starter text.
        List<VersionSummary> versions = frameworks.versions(tenant);
        model.addAttribute("published", frameworks.latestPublished(tenant).orElse(null));
        model.addAttribute("draft", frameworks.draft(tenant).orElse(null));
        model.addAttribute("versionCount", versions.size());
        model.addAttribute("canEdit", FrameworkService.canEdit(tenant));
        return "framework/overview";
    }

    @GetMapping("/framework/versions")
    String showVersions(Tenant tenant, Model model) {
        return versions(tenant, model, null, null, FormErrors.none());
    }

    @GetMapping("/framework/versions/{versionId}")
    String showVersion(Tenant tenant, @PathVariable UUID versionId, Model model) {
        FrameworkVersion version = frameworks.version(tenant, versionId);
        model.addAttribute("version", version);
        model.addAttribute("canEdit", FrameworkService.canEdit(tenant) && version.summary().isDraft());
        model.addAttribute("changed", version.summary().isDraft() ? frameworks.changedSinceBase(tenant, version) : List.of());
        return "framework/version";
    }

    @GetMapping("/framework/compare")
    String compare(Tenant tenant, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Model model) {
        List<VersionSummary> versions = frameworks.versions(tenant);
        Optional<VersionSummary> older = pick(versions, from);
        Optional<VersionSummary> newer = pick(versions, to);
        FormErrors errors = FormErrors.none();
        if (older.isEmpty()) {
            errors = errors.plus("from", Ui.t("framework.compare.choose-from"));
        }
        if (newer.isEmpty()) {
            errors = errors.plus("to", Ui.t("framework.compare.choose-to"));
        }
        if (!errors.any() && older.get().id().equals(newer.get().id())) {
            errors = errors.plus("to", Ui.t("framework.compare.choose-different"));
        }
        if (errors.any()) {
            return versions(tenant, model, from, to, errors);
        }
        VersionSummary a = older.get().number() < newer.get().number() ? older.get() : newer.get();
        VersionSummary b = a == older.get() ? newer.get() : older.get();
        model.addAttribute("older", a);
        model.addAttribute("newer", b);
        model.addAttribute("changes", frameworks.compare(tenant, a.id(), b.id()));
        return "framework/compare";
    }

    @PostMapping("/framework/drafts")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR})
    String startDraft(Tenant tenant, RedirectAttributes redirect) {
        UUID draft = frameworks.startDraft(tenant);
        redirect.addFlashAttribute("notice", Ui.t("framework.draft.started"));
        return "redirect:/framework/versions/" + draft;
    }

    private String versions(Tenant tenant, Model model, @Nullable String from, @Nullable String to, FormErrors errors) {
        List<VersionSummary> versions = frameworks.versions(tenant);
        if (versions.isEmpty() && !FrameworkService.canEdit(tenant)) {
            throw new NotFoundException("published framework");
        }
        model.addAttribute("versions", versions);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
        return "framework/versions";
    }

    private static Optional<VersionSummary> pick(List<VersionSummary> versions, @Nullable String id) {
        return versions.stream().filter(v -> v.id().toString().equals(id)).findFirst();
    }
}
