package org.coproduction.impact.together.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.together.AnswerSheet;
import org.coproduction.impact.together.Place;
import org.coproduction.impact.together.Principle;
import org.coproduction.impact.together.Rung;
import org.coproduction.impact.together.SelfAssessmentService;
import org.coproduction.impact.together.Statement;
import org.coproduction.impact.together.TogetherResult;
import org.coproduction.impact.together.TogetherWords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The co-production self-assessment: a project's rounds, one page to give your view (easy read for
 * members), the results side by side for facilitators with a button that turns a weak area into a
 * task, and the organisation's statements.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class SelfAssessmentController {

    private final SelfAssessmentService assessments;
    private final ProjectService projects;

    SelfAssessmentController(SelfAssessmentService assessments, ProjectService projects) {
        this.assessments = assessments;
        this.projects = projects;
    }

    @GetMapping("/projects/{projectId}/self-assessments")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String rounds(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return roundsPage(model, tenant, projectId, "", FormErrors.none());
    }

    @GetMapping(Place.ORGANISATION)
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String organisationRounds(Tenant tenant, Model model) {
        return roundsPage(model, tenant, null, "", FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/self-assessments")
    String start(Tenant tenant, @PathVariable UUID projectId, @RequestParam(defaultValue = "") String title, Model model,
            RedirectAttributes redirect) {
        return startIn(tenant, projectId, title, model, redirect);
    }

    @PostMapping(Place.ORGANISATION)
    @RequiresRole(Role.ADMIN)
    String startForOrganisation(Tenant tenant, @RequestParam(defaultValue = "") String title, Model model, RedirectAttributes redirect) {
        return startIn(tenant, null, title, model, redirect);
    }

    private String startIn(Tenant tenant, @Nullable UUID projectId, String title, Model model, RedirectAttributes redirect) {
        TogetherResult result = assessments.start(tenant, projectId, title);
        if (result instanceof TogetherResult.Saved saved) {
            redirect.addFlashAttribute("notice", Ui.t("together.rounds.started"));
            return "redirect:" + assessments.place(tenant, projectId).base() + "#round-" + saved.id();
        }
        TogetherResult.Refused r = (TogetherResult.Refused) result;
        return roundsPage(model, tenant, projectId, title, FormErrors.single(r.field(), Ui.t(r.messageKey(), r.args().toArray())));
    }

    private String roundsPage(Model model, Tenant tenant, @Nullable UUID projectId, String title, FormErrors errors) {
        model.addAttribute("place", assessments.place(tenant, projectId));
        model.addAttribute("rounds", assessments.rounds(tenant, projectId));
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        model.addAttribute("canStart", projectId == null ? tenant.is(Role.ADMIN) : tenant.is(Role.ADMIN, Role.FACILITATOR));
        model.addAttribute("title", title);
        model.addAttribute("errors", errors);
        return "together/self-assessments";
    }

    // Giving a view

    @GetMapping("/projects/{projectId}/self-assessments/{assessmentId}/answer")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String answerForm(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID assessmentId, Model model) {
        return answerFormIn(tenant, projectId, assessmentId, model);
    }

    @GetMapping(Place.ORGANISATION + "/{assessmentId}/answer")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String organisationAnswerForm(Tenant tenant, @PathVariable UUID assessmentId, Model model) {
        return answerFormIn(tenant, null, assessmentId, model);
    }

    private String answerFormIn(Tenant tenant, @Nullable UUID projectId, UUID assessmentId, Model model) {
        AnswerSheet sheet = assessments.sheet(tenant, projectId, assessmentId);
        Map<String, String> values = new HashMap<>();
        sheet.scores().forEach((id, s) -> values.put("score-" + id, String.valueOf(s)));
        sheet.comments().forEach((id, c) -> values.put("comment-" + id, c));
        if (sheet.rung() != null) {
            values.put("rung", sheet.rung().name());
        }
        if (sheet.reasons() != null) {
            values.put("reasons", sheet.reasons());
        }
        return answerPage(model, sheet, values, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/self-assessments/{assessmentId}/answer")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String answer(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID assessmentId, @RequestParam Map<String, String> params,
            Model model, RedirectAttributes redirect) {
        return answerIn(tenant, projectId, assessmentId, params, model, redirect);
    }

    @PostMapping(Place.ORGANISATION + "/{assessmentId}/answer")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String organisationAnswer(Tenant tenant, @PathVariable UUID assessmentId, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        return answerIn(tenant, null, assessmentId, params, model, redirect);
    }

    private String answerIn(Tenant tenant, @Nullable UUID projectId, UUID assessmentId, Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        AnswerSheet sheet = assessments.sheet(tenant, projectId, assessmentId);
        Map<UUID, Integer> scores = new HashMap<>();
        Map<UUID, String> comments = new HashMap<>();
        FormErrors errors = FormErrors.none();
        for (Statement s : sheet.statements()) {
            String score = params.get("score-" + s.id());
            if (score != null && !score.isBlank()) {
                try {
                    int value = Integer.parseInt(score.strip());
                    if (value < 1 || value > 4) {
                        throw new NumberFormatException(score);
                    }
                    scores.put(s.id(), value);
                } catch (NumberFormatException e) {
                    errors = errors.plus("score-" + s.id(), Ui.t("together.answer.score.unknown"));
                }
            }
            String comment = params.get("comment-" + s.id());
            if (comment != null && !comment.isBlank()) {
                if (comment.strip().length() > SelfAssessmentService.MAX_COMMENT) {
                    errors = errors.plus("comment-" + s.id(), Ui.t("together.reflection.too-long", SelfAssessmentService.MAX_COMMENT));
                }
                comments.put(s.id(), comment);
            }
        }
        String rungValue = params.getOrDefault("rung", "");
        Rung rung = null;
        if (!rungValue.isBlank()) {
            try {
                rung = Rung.valueOf(rungValue.strip());
            } catch (IllegalArgumentException e) {
                errors = errors.plus("rung", Ui.t("together.answer.rung.unknown"));
            }
        }
        String reasons = params.getOrDefault("reasons", "");
        if (reasons.strip().length() > SelfAssessmentService.MAX_COMMENT) {
            errors = errors.plus("reasons", Ui.t("together.reflection.too-long", SelfAssessmentService.MAX_COMMENT));
        }
        if (!errors.any()) {
            TogetherResult result = assessments.answer(tenant, projectId, assessmentId, scores, comments, rung, reasons);
            if (result instanceof TogetherResult.Saved) {
                redirect.addFlashAttribute("notice", Ui.t("together.answer.saved"));
                return "redirect:" + sheet.place().base();
            }
            TogetherResult.Refused r = (TogetherResult.Refused) result;
            String field = "statements".equals(r.field()) && !sheet.statements().isEmpty() ? "score-" + sheet.statements().getFirst().id() : r.field();
            errors = FormErrors.single(field, Ui.t(r.messageKey(), r.args().toArray()));
        }
        Map<String, String> values = new HashMap<>(params);
        return answerPage(model, sheet, values, errors);
    }

    private String answerPage(Model model, AnswerSheet sheet, Map<String, String> values, FormErrors errors) {
        model.addAttribute("sheet", sheet);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        List<Option> scale = new ArrayList<>();
        for (int s = 4; s >= 1; s--) {
            scale.add(Option.of(String.valueOf(s), Ui.t(TogetherWords.scale(s))));
        }
        model.addAttribute("scale", scale);
        model.addAttribute("rungs", Arrays.stream(Rung.values()).map(r -> new Option(r.name(), Ui.t(r.messageKey()), Ui.t(r.meaningKey()))).toList());
        return "together/answer";
    }

    // Results

    @GetMapping("/projects/{projectId}/self-assessments/{assessmentId}")
    String results(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID assessmentId, Model model) {
        model.addAttribute("results", assessments.results(tenant, projectId, assessmentId));
        return "together/results";
    }

    @GetMapping(Place.ORGANISATION + "/{assessmentId}")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR})
    String organisationResults(Tenant tenant, @PathVariable UUID assessmentId, Model model) {
        model.addAttribute("results", assessments.results(tenant, null, assessmentId));
        // The organisation's weak areas become tasks in a project's tracker: the projects to choose from.
        List<Option> choices = new ArrayList<>();
        choices.add(Option.of("", Ui.t("together.results.action.project.choose")));
        projects.projects(tenant).forEach(p -> choices.add(Option.of(p.id().toString(), p.name())));
        model.addAttribute("projects", choices);
        return "together/results";
    }

    @PostMapping("/projects/{projectId}/self-assessments/{assessmentId}/actions")
    String makeAction(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID assessmentId, @RequestParam(defaultValue = "") String principle,
            Model model, RedirectAttributes redirect) {
        return makeActionIn(tenant, projectId, assessmentId, principle, null, redirect);
    }

    @PostMapping(Place.ORGANISATION + "/{assessmentId}/actions")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR})
    String makeOrganisationAction(Tenant tenant, @PathVariable UUID assessmentId, @RequestParam(defaultValue = "") String principle,
            @RequestParam(required = false) @Nullable UUID project, RedirectAttributes redirect) {
        return makeActionIn(tenant, null, assessmentId, principle, project, redirect);
    }

    private String makeActionIn(Tenant tenant, @Nullable UUID projectId, UUID assessmentId, String principle, @Nullable UUID trackerProject,
            RedirectAttributes redirect) {
        // Another organisation's (or an unknown) round is "not found" before anything else is looked at.
        if (assessments.rounds(tenant, projectId).stream().noneMatch(r -> r.id().equals(assessmentId))) {
            throw new org.coproduction.impact.shared.tenancy.NotFoundException("self-assessment");
        }
        String results = assessments.place(tenant, projectId).base() + "/" + assessmentId;
        Principle p = parsePrinciple(principle);
        if (p == null) {
            redirect.addFlashAttribute("notice", Ui.t("together.action.unknown"));
            return "redirect:" + results;
        }
        TogetherResult result = assessments.makeAction(tenant, projectId, assessmentId, p, projectId != null ? projectId : trackerProject);
        if (result instanceof TogetherResult.Saved) {
            redirect.addFlashAttribute("notice", Ui.t("together.action.made", Ui.t(p.messageKey())));
        } else if (result instanceof TogetherResult.Refused r) {
            redirect.addFlashAttribute("notice", Ui.t(r.messageKey(), r.args().toArray()));
        }
        return "redirect:" + results + "#principle-" + p.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static @Nullable Principle parsePrinciple(String s) {
        try {
            return Principle.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // The organisation's statements

    @GetMapping("/self-assessment/statements")
    String statements(Tenant tenant, Model model) {
        return statementsPage(model, tenant, "", "", "", FormErrors.none());
    }

    @PostMapping("/self-assessment/statements")
    String addStatement(Tenant tenant, @RequestParam(defaultValue = "") String principle, @RequestParam(defaultValue = "") String words,
            @RequestParam(defaultValue = "") String easyRead, Model model, RedirectAttributes redirect) {
        Principle p = parsePrinciple(principle);
        if (p == null) {
            return statementsPage(model, tenant, principle, words, easyRead, FormErrors.single("principle", Ui.t("together.statement.principle.required")));
        }
        TogetherResult result = assessments.addStatement(tenant, p, words, easyRead);
        if (result instanceof TogetherResult.Saved) {
            redirect.addFlashAttribute("notice", Ui.t("together.statement.added"));
            return "redirect:/self-assessment/statements";
        }
        TogetherResult.Refused r = (TogetherResult.Refused) result;
        return statementsPage(model, tenant, principle, words, easyRead, FormErrors.single(r.field(), Ui.t(r.messageKey(), r.args().toArray())));
    }

    private String statementsPage(Model model, Tenant tenant, String principle, String words, String easyRead, FormErrors errors) {
        model.addAttribute("statements", assessments.statements(tenant));
        model.addAttribute("principles", Arrays.stream(Principle.values()).map(p -> Option.of(p.name(), Ui.t(p.messageKey()))).toList());
        model.addAttribute("principle", principle);
        model.addAttribute("words", words);
        model.addAttribute("easyRead", easyRead);
        model.addAttribute("errors", errors);
        return "together/statements";
    }

    @GetMapping("/self-assessment/statements/{statementId}")
    String editStatement(Tenant tenant, @PathVariable UUID statementId, Model model) {
        Statement s = statement(tenant, statementId);
        return statementPage(model, s, s.words(), s.easyRead(), s.version(), FormErrors.none());
    }

    @PostMapping("/self-assessment/statements/{statementId}")
    String saveStatement(Tenant tenant, @PathVariable UUID statementId, @RequestParam(defaultValue = "") String words,
            @RequestParam(defaultValue = "") String easyRead, @RequestParam(defaultValue = "-1") int version, Model model, RedirectAttributes redirect) {
        Statement s = statement(tenant, statementId);
        TogetherResult result = assessments.changeStatement(tenant, statementId, version, words, easyRead);
        return switch (result) {
            case TogetherResult.Saved saved -> {
                redirect.addFlashAttribute("notice", Ui.t("together.statement.saved"));
                yield "redirect:/self-assessment/statements#statement-" + statementId;
            }
            case TogetherResult.Refused r -> statementPage(model, s, words, easyRead, version, FormErrors.single(r.field(), Ui.t(r.messageKey(), r.args().toArray())));
            case TogetherResult.Stale stale -> statementPage(model, s, words, easyRead, s.version(), FormErrors.single("words", Ui.t("together.statement.stale")));
        };
    }

    private Statement statement(Tenant tenant, UUID statementId) {
        return assessments.statements(tenant).stream().filter(s -> s.id().equals(statementId)).findFirst()
                .orElseThrow(() -> new org.coproduction.impact.shared.tenancy.NotFoundException("statement"));
    }

    private String statementPage(Model model, Statement s, String words, String easyRead, int version, FormErrors errors) {
        model.addAttribute("statement", s);
        model.addAttribute("words", words);
        model.addAttribute("easyRead", easyRead);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        return "together/statement-form";
    }
}
