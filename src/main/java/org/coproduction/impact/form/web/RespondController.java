package org.coproduction.impact.form.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.form.Draft;
import org.coproduction.impact.form.FormLanguage;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.PublicForm;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.Source;
import org.coproduction.impact.form.SubmitResult;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.shared.web.HighTraffic;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public answering pages: anyone with a form's link answers it, one question a page, with no
 * account and no session. The half-done answers live on the server as a draft; the device keeps
 * only the draft's token, in a cookie scoped to this form's link. The draft's token is also the
 * one-time submission token, so a double click, a resent page, a retry or the back button never
 * saves the answers twice.
 *
 * <p>CSRF: these pages keep Spring's CSRF token, held in a cookie rather than the session (see
 * {@code SecurityConfig.PublicFormsCsrfTokens}); and every change needs the draft cookie, which is
 * SameSite=Lax, so a POST from another site carries no draft and changes nothing.
 *
 * <p>Kiosk mode (a tablet passed round a room) is the same pages with a kiosk cookie: no links out,
 * drafts marked {@link Source#KIOSK}, a "Next person" button after each submission, and a PIN to
 * leave.
 */
@Controller
@HighTraffic
@PublicEndpoint
class RespondController {

    static final String DRAFT_COOKIE = "form_draft";
    static final String KIOSK_COOKIE = "form_kiosk";
    /** The language the respondent chose for this form's own words (issue #13), scoped to the form's link. */
    static final String LANGUAGE_COOKIE = "form_language";

    /** More fields than any page has (the "about you" page has five), with room for the controls. */
    static final int MAX_FIELDS = 60;

    /** Longer than any answer may be (5,000 characters): anything longer is not from our pages. */
    static final int MAX_VALUE = 20_000;

    /** Request parameters that are controls, not answers. */
    private static final Set<String> CONTROLS = Set.of("_csrf", "_skip", "_change");

    private final RespondentService respondents;
    private final RespondLimits limits;
    private final SubmissionMetrics metrics;
    /** The current request (a proxy), for the language cookie every page reads. */
    private final HttpServletRequest current;

    RespondController(RespondentService respondents, RespondLimits limits, SubmissionMetrics metrics, HttpServletRequest current) {
        this.respondents = respondents;
        this.limits = limits;
        this.metrics = metrics;
        this.current = current;
    }

    // ---------------------------------------------------------------------------------------
    // Start

    @GetMapping("/r/{formToken}")
    String showStart(@PathVariable String formToken, @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken,
            @CookieValue(name = KIOSK_COOKIE, required = false) @Nullable String kioskPass, Model model, HttpServletResponse response) {
        Opened opened = locate(formToken, kioskPass, null, model, response);
        if (!(opened instanceof Found(PublicForm form, boolean kiosk))) {
            return ((Stopped) opened).view();
        }
        if (!respondents.takesAnswers(form)) {
            return unavailable(form, kiosk, model);
        }
        Draft draft = respondents.draft(form, draftToken).orElse(null);
        common(model, form, kiosk);
        model.addAttribute("startAction", base(form) + "/start");
        model.addAttribute("questionCount", form.form().questions().size());
        model.addAttribute("resume", draft == null ? null : base(form) + "/q/" + firstUnanswered(form, draft));
        model.addAttribute("alreadySent", draft == null && respondents.submitted(form, draftToken));
        return "form/respond-start";
    }

    @PostMapping("/r/{formToken}/start")
    String start(@PathVariable String formToken, @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken,
            @CookieValue(name = KIOSK_COOKIE, required = false) @Nullable String kioskPass, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Opened opened = locate(formToken, kioskPass, request, model, response);
        if (!(opened instanceof Found(PublicForm form, boolean kiosk))) {
            return ((Stopped) opened).view();
        }
        if (!respondents.takesAnswers(form)) {
            return unavailable(form, kiosk, model);
        }
        Optional<Draft> existing = respondents.draft(form, draftToken);
        if (existing.isPresent() && existing.get().memberId() == null) {
            // A double click on "Start now", or a person coming back: carry on with the same draft.
            return "redirect:" + base(form) + "/q/" + firstUnanswered(form, existing.get());
        }
        return startAfresh(form, kiosk, request, response);
    }

    // ---------------------------------------------------------------------------------------
    // Personal links: answers linked to a named member, so their before and after answers pair up

    @GetMapping("/r/{formToken}/p/{personalToken}")
    String showPersonalStart(@PathVariable String formToken, @PathVariable String personalToken,
            @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken, Model model, HttpServletResponse response) {
        Optional<PublicForm> found = respondents.locate(formToken);
        if (found.isEmpty() || respondents.personalLinkUser(found.get(), personalToken).isEmpty()) {
            return notFound(formToken, model, response);
        }
        PublicForm form = shown(found.get());
        if (!respondents.takesAnswers(form)) {
            return unavailable(form, false, model);
        }
        UUID member = respondents.personalLinkUser(form, personalToken).orElseThrow();
        Draft draft = respondents.draft(form, draftToken).filter(d -> member.equals(d.memberId())).orElse(null);
        common(model, form, false);
        model.addAttribute("startAction", base(form) + "/p/" + personalToken + "/start");
        model.addAttribute("questionCount", form.form().questions().size());
        model.addAttribute("resume", draft == null ? null : base(form) + "/q/" + firstUnanswered(form, draft));
        model.addAttribute("alreadySent", false);
        return "form/respond-start";
    }

    @PostMapping("/r/{formToken}/p/{personalToken}/start")
    String startPersonal(@PathVariable String formToken, @PathVariable String personalToken,
            @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<PublicForm> found = respondents.locate(formToken);
        if (found.isEmpty() || respondents.personalLinkUser(found.get(), personalToken).isEmpty()) {
            return notFound(formToken, model, response);
        }
        PublicForm form = found.get();
        if (!limits.post(form.form().id(), request.getRemoteAddr())) {
            return tooMany(form, false, model, response);
        }
        if (!respondents.takesAnswers(form)) {
            return unavailable(form, false, model);
        }
        UUID member = respondents.personalLinkUser(form, personalToken).orElseThrow();
        Optional<Draft> existing = respondents.draft(form, draftToken).filter(d -> member.equals(d.memberId()));
        if (existing.isPresent()) {
            return "redirect:" + base(form) + "/q/" + firstUnanswered(form, existing.get());
        }
        Draft draft = respondents.start(form, Source.ONLINE, member);
        setDraftCookie(form, draft.token(), request, response);
        return "redirect:" + base(form) + "/q/1";
    }

    // ---------------------------------------------------------------------------------------
    // One question a page

    @GetMapping("/r/{formToken}/q/{number}")
    String showQuestion(@PathVariable String formToken, @PathVariable String number,
            @RequestParam(defaultValue = "false") boolean change,
            @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken,
            @CookieValue(name = KIOSK_COOKIE, required = false) @Nullable String kioskPass, Model model, HttpServletResponse response) {
        Opened opened = open(formToken, draftToken, kioskPass, null, model, response);
        if (!(opened instanceof Answering(PublicForm form, boolean kiosk, Draft draft))) {
            return ((Stopped) opened).view();
        }
        List<Question> questions = questions(form, draft);
        int n = pageNumber(number, questions.size());
        if (n == 0) {
            return notFound(formToken, model, response);
        }
        return questionPage(form, kiosk, questions, n, change, draft.answers().values(), Map.of(), model);
    }

    @PostMapping("/r/{formToken}/q/{number}")
    String saveQuestion(@PathVariable String formToken, @PathVariable String number, @RequestParam MultiValueMap<String, String> params,
            @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken,
            @CookieValue(name = KIOSK_COOKIE, required = false) @Nullable String kioskPass, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Opened opened = open(formToken, draftToken, kioskPass, request, model, response);
        if (!(opened instanceof Answering(PublicForm form, boolean kiosk, Draft draft))) {
            return ((Stopped) opened).view();
        }
        if (oversized(params)) {
            return badRequest(form, kiosk, "respond.bad.too-much", model, response);
        }
        List<Question> questions = questions(form, draft);
        int n = pageNumber(number, questions.size());
        if (n == 0) {
            return notFound(formToken, model, response);
        }
        Question question = questions.get(n - 1);
        boolean change = "1".equals(params.getFirst("_change")) || "true".equals(params.getFirst("_change"));
        Map<String, List<String>> values = params.containsKey("_skip") && question.type() == QuestionType.ABOUT_YOU
                ? Map.of()
                : answers(question, params);
        Map<String, String> problems = respondents.savePage(form, draft, List.of(question), values);
        if (problems.containsKey("form")) {
            return badRequest(form, kiosk, problems.get("form"), model, response);
        }
        if (!problems.isEmpty()) {
            return questionPage(form, kiosk, questions, n, change, values, problems, model);
        }
        return "redirect:" + base(form) + (change || n == questions.size() ? "/check" : "/q/" + (n + 1));
    }

    // ---------------------------------------------------------------------------------------
    // Check your answers, submit, confirmation

    @GetMapping("/r/{formToken}/check")
    String showCheck(@PathVariable String formToken, @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken,
            @CookieValue(name = KIOSK_COOKIE, required = false) @Nullable String kioskPass, Model model, HttpServletResponse response) {
        Opened opened = open(formToken, draftToken, kioskPass, null, model, response);
        if (!(opened instanceof Answering(PublicForm form, boolean kiosk, Draft draft))) {
            return ((Stopped) opened).view();
        }
        return checkPage(form, kiosk, draft, Map.of(), model);
    }

    @PostMapping("/r/{formToken}/submit")
    String submit(@PathVariable String formToken, @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken,
            @CookieValue(name = KIOSK_COOKIE, required = false) @Nullable String kioskPass, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        // The form as kept from an earlier send through this link, checked again as the answers are saved.
        Opened opened = locate(respondents.locateToSend(formToken), formToken, kioskPass, request, model, response);
        if (!(opened instanceof Found(PublicForm form, boolean kiosk))) {
            return ((Stopped) opened).view();
        }
        if (!limits.submission(form.form().id())) {
            return tooMany(form, kiosk, model, response);
        }
        if (draftToken == null) {
            // No draft cookie (another site's POST, or cookies off): there is nothing to send.
            return "redirect:" + base(form);
        }
        SubmitResult result = respondents.submit(form, draftToken, language(form));
        return switch (result) {
            // Committed: only now does the person see the confirmation (POST, redirect, GET).
            case SubmitResult.Saved saved -> {
                metrics.online(saved);
                yield "redirect:" + base(form) + "/done";
            }
            case SubmitResult.Invalid invalid -> {
                Draft draft = respondents.draft(form, draftToken).orElseThrow();
                yield checkPage(form, kiosk, draft, invalid.problems(), model);
            }
            case SubmitResult.Closed closed -> unavailable(respondents.locate(formToken).orElse(form), kiosk, model);
            case SubmitResult.NoDraft none -> "redirect:" + base(form);
            case SubmitResult.UnknownQuestions unknown -> badRequest(form, kiosk, "form.answer.unknown-question", model, response);
        };
    }

    @GetMapping("/r/{formToken}/done")
    String showDone(@PathVariable String formToken, @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken,
            @CookieValue(name = KIOSK_COOKIE, required = false) @Nullable String kioskPass, Model model, HttpServletResponse response) {
        Optional<PublicForm> found = respondents.locate(formToken);
        if (found.isEmpty()) {
            return notFound(formToken, model, response);
        }
        PublicForm form = shown(found.get());
        if (!respondents.submitted(form, draftToken)) {
            return "redirect:" + base(form);
        }
        common(model, form, respondents.kioskPassValid(form, kioskPass));
        return "form/respond-done";
    }

    /** Throws away the half-done answers on this device and starts again (a kiosk tablet between people, or a person's own choice). */
    @PostMapping({"/r/{formToken}/restart", "/r/{formToken}/next"})
    String restart(@PathVariable String formToken, @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken,
            @CookieValue(name = KIOSK_COOKIE, required = false) @Nullable String kioskPass, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Opened opened = locate(formToken, kioskPass, request, model, response);
        if (!(opened instanceof Found(PublicForm form, boolean kiosk))) {
            return ((Stopped) opened).view();
        }
        if (draftToken == null) {
            return "redirect:" + base(form);
        }
        respondents.discard(form, draftToken);
        if (kiosk) {
            // The next person on a shared tablet starts in the page's language, not the last person's choice.
            clearCookie(LANGUAGE_COOKIE, base(form), request, response);
        }
        if (!respondents.takesAnswers(form)) {
            clearCookie(DRAFT_COOKIE, base(form), request, response);
            return unavailable(form, kiosk, model);
        }
        return startAfresh(form, kiosk, request, response);
    }

    // ---------------------------------------------------------------------------------------
    // Easy read and leaving kiosk mode

    /**
     * The easy-read switch on respondent pages. It sets the same cookie as the site's own switch
     * ({@code /preferences/easy-read}) but never makes a session (that one also remembers the choice
     * on a signed-in person's account).
     */
    @PostMapping("/r/{formToken}/easy-read")
    String switchEasyRead(@PathVariable String formToken, @RequestParam(defaultValue = "false") boolean on,
            @RequestParam(defaultValue = "") String back, HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(Ui.EASY_READ_COOKIE, on ? "1" : "0");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(Ui.EASY_READ, on);
        }
        String home = "/r/" + (formToken.matches("[a-z0-9-]{1,64}") ? formToken : "");
        return "redirect:" + (back.startsWith(home) && back.chars().noneMatch(c -> c < 0x20) ? back : home);
    }

    @GetMapping("/r/{formToken}/kiosk/leave")
    String showLeaveKiosk(@PathVariable String formToken, @CookieValue(name = KIOSK_COOKIE, required = false) @Nullable String kioskPass,
            Model model, HttpServletResponse response) {
        Opened opened = locate(formToken, kioskPass, null, model, response);
        if (!(opened instanceof Found(PublicForm form, boolean kiosk))) {
            return ((Stopped) opened).view();
        }
        if (!kiosk) {
            return "redirect:" + base(form);
        }
        common(model, form, true);
        model.addAttribute("errors", FormErrors.none());
        return "form/respond-kiosk-leave";
    }

    @PostMapping("/r/{formToken}/kiosk/leave")
    String leaveKiosk(@PathVariable String formToken, @RequestParam(defaultValue = "") String pin,
            @CookieValue(name = DRAFT_COOKIE, required = false) @Nullable String draftToken,
            @CookieValue(name = KIOSK_COOKIE, required = false) @Nullable String kioskPass, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Opened opened = locate(formToken, kioskPass, null, model, response);
        if (!(opened instanceof Found(PublicForm form, boolean kiosk))) {
            return ((Stopped) opened).view();
        }
        if (!kiosk) {
            return "redirect:" + base(form);
        }
        String address = request.getRemoteAddr();
        FormErrors errors = FormErrors.none();
        if (!limits.pinAllowed(form.form().id(), address)) {
            errors = FormErrors.single("pin", Ui.t("respond.kiosk.leave.pin.too-many"));
            response.setStatus(429);
        } else if (pin.length() > 8 || !respondents.kioskPinMatches(form, pin)) {
            limits.wrongPin(form.form().id(), address);
            errors = FormErrors.single("pin", Ui.t("respond.kiosk.leave.pin.wrong"));
        }
        if (errors.any()) {
            common(model, form, true);
            model.addAttribute("errors", errors);
            return "form/respond-kiosk-leave";
        }
        respondents.discard(form, draftToken);
        clearCookie(DRAFT_COOKIE, base(form), request, response);
        clearCookie(KIOSK_COOKIE, base(form), request, response);
        return "redirect:/sign-in";
    }

    // ---------------------------------------------------------------------------------------
    // The checks the answering pages make first

    private sealed interface Opened {}

    /** A check stopped the request: show this page instead (its model is filled in). */
    private record Stopped(String view) implements Opened {}

    /** The form exists (and a POST is within the rate limit); {@code kiosk} when this device is a kiosk. */
    private record Found(PublicForm form, boolean kiosk) implements Opened {}

    /** The form takes answers and this device has a draft of it. */
    private record Answering(PublicForm form, boolean kiosk, Draft draft) implements Opened {}

    /**
     * The first checks of the answering pages, in this order: the form exists; for a POST
     * ({@code post} not null), the address is within the rate limit.
     */
    private Opened locate(String formToken, @Nullable String kioskPass, @Nullable HttpServletRequest post, Model model,
            HttpServletResponse response) {
        return locate(respondents.locate(formToken), formToken, kioskPass, post, model, response);
    }

    private Opened locate(Optional<PublicForm> found, String formToken, @Nullable String kioskPass, @Nullable HttpServletRequest post,
            Model model, HttpServletResponse response) {
        if (found.isEmpty()) {
            return new Stopped(notFound(formToken, model, response));
        }
        PublicForm form = shown(found.get());
        boolean kiosk = respondents.kioskPassValid(form, kioskPass);
        if (post != null && !limits.post(form.form().id(), post.getRemoteAddr())) {
            return new Stopped(tooMany(form, kiosk, model, response));
        }
        return new Found(form, kiosk);
    }

    /**
     * The checks the question and check-your-answers pages make first: those of {@link #locate},
     * then the form takes answers, then this device has a draft of it (or, if it was sent,
     * "already sent").
     */
    private Opened open(String formToken, @Nullable String draftToken, @Nullable String kioskPass, @Nullable HttpServletRequest post,
            Model model, HttpServletResponse response) {
        Opened located = locate(formToken, kioskPass, post, model, response);
        if (!(located instanceof Found(PublicForm form, boolean kiosk))) {
            return located;
        }
        if (!respondents.takesAnswers(form)) {
            return new Stopped(unavailable(form, kiosk, model));
        }
        Optional<Draft> draft = respondents.draft(form, draftToken);
        if (draft.isEmpty()) {
            return new Stopped(noDraft(form, kiosk, draftToken, model));
        }
        return new Answering(form, kiosk, draft.get());
    }

    // ---------------------------------------------------------------------------------------
    // Pages shared by the handlers

    private String questionPage(PublicForm form, boolean kiosk, List<Question> questions, int n, boolean change,
            Map<String, List<String>> values, Map<String, String> problems, Model model) {
        common(model, form, kiosk);
        Question question = questions.get(n - 1);
        FormErrors errors = FormErrors.none();
        for (String field : question.fields()) {
            String key = problems.get(field);
            if (key != null) {
                // A date's error links to its first box (components/dateInput names them after the field).
                errors = errors.plus(question.type() == QuestionType.DATE ? field + "-day" : RespondViews.id(field), Ui.t(key));
            }
        }
        Map<String, String> errorText = new LinkedHashMap<>();
        problems.forEach((field, key) -> errorText.put(field, Ui.t(key)));
        model.addAttribute("page", RespondViews.page(question, language(form), n, questions.size(), values, errorText));
        model.addAttribute("errors", errors);
        model.addAttribute("action", base(form) + "/q/" + n);
        model.addAttribute("change", change);
        model.addAttribute("back", change ? base(form) + "/check" : n == 1 ? base(form) : base(form) + "/q/" + (n - 1));
        return "form/respond-question";
    }

    private String checkPage(PublicForm form, boolean kiosk, Draft draft, Map<String, String> problems, Model model) {
        common(model, form, kiosk);
        List<Question> questions = questions(form, draft);
        List<FormErrors.Item> items = new ArrayList<>();
        RespondViews.problemLinks(base(form), questions, problems).forEach((field, href) -> items.add(new FormErrors.Item(href,
                Ui.t(problems.get(field)))));
        model.addAttribute("rows", RespondViews.rows(base(form), questions, draft.answers(), language(form)));
        model.addAttribute("problems", items);
        model.addAttribute("back", base(form) + "/q/" + Math.max(1, questions.size()));
        return "form/respond-check";
    }

    private String noDraft(PublicForm form, boolean kiosk, @Nullable String draftToken, Model model) {
        if (respondents.submitted(form, draftToken)) {
            common(model, form, kiosk);
            return "form/respond-sent";
        }
        return "redirect:" + base(form);
    }

    private String unavailable(PublicForm form, boolean kiosk, Model model) {
        common(model, form, kiosk);
        String reason = form.form().status() == FormStatus.DRAFT ? "respond.unavailable.not-open"
                : form.form().status() == FormStatus.OPEN && form.form().closesOn() != null ? "respond.unavailable.past-date"
                : "respond.unavailable.closed";
        model.addAttribute("reason", Ui.t(reason, form.form().closesOn() == null ? "" : Ui.day(form.form().closesOn())));
        return "form/respond-unavailable";
    }

    private String tooMany(PublicForm form, boolean kiosk, Model model, HttpServletResponse response) {
        response.setStatus(429);
        common(model, form, kiosk);
        return "form/respond-too-many";
    }

    private String badRequest(PublicForm form, boolean kiosk, String messageKey, Model model, HttpServletResponse response) {
        response.setStatus(400);
        common(model, form, kiosk);
        model.addAttribute("message", Ui.t(messageKey));
        return "form/respond-bad";
    }

    private String notFound(String formToken, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("formToken", formToken.matches("[a-z0-9-]{1,64}") ? formToken : "unknown");
        return "form/respond-not-found";
    }

    private void common(Model model, PublicForm form, boolean kiosk) {
        // Shown in the form's language on this request whichever way the form was found (showing twice changes nothing).
        model.addAttribute("form", form.form().in(language(form)));
        model.addAttribute("formLanguage", form.form().hasWelsh() ? language(form) : null);
        // The language the form's own words are shown in (the organisation's main language for a form
        // with no second words), so the pages can mark English words on a Welsh page and Welsh ones on
        // an English page (components of Form and Question say which).
        model.addAttribute("shownIn", language(form));
        model.addAttribute("formToken", form.form().token());
        model.addAttribute("base", base(form));
        model.addAttribute("kiosk", kiosk);
    }

    // ---------------------------------------------------------------------------------------
    // Reading answers and cookies

    /** The page's answers by field name; anything that is not a control is passed on, so a forged field is refused whole. */
    static Map<String, List<String>> answers(Question question, MultiValueMap<String, String> params) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        params.forEach((name, v) -> {
            if (!CONTROLS.contains(name)) {
                values.put(name, v);
            }
        });
        if (question.type() == QuestionType.DATE) {
            String key = question.key();
            String day = single(values.remove(key + "Day"));
            String month = single(values.remove(key + "Month"));
            String year = single(values.remove(key + "Year"));
            if (!(day + month + year).isBlank()) {
                values.put(key, List.of(date(year, month, day)));
            }
        }
        return values;
    }

    /** A date from the three boxes, as yyyy-mm-dd when they are numbers (so "27 3 2026" works), else as typed (and then refused). */
    private static String date(String year, String month, String day) {
        if (year.matches("\\d{4}") && month.matches("\\d{1,2}") && day.matches("\\d{1,2}")) {
            return year + "-" + (month.length() == 1 ? "0" : "") + month + "-" + (day.length() == 1 ? "0" : "") + day;
        }
        return year + "-" + month + "-" + day;
    }

    private static String single(@Nullable List<String> values) {
        return values == null || values.isEmpty() ? "" : values.getFirst().strip();
    }

    static boolean oversized(MultiValueMap<String, String> params) {
        int count = 0;
        for (List<String> values : params.values()) {
            count += values.size();
            for (String v : values) {
                if (v.length() > MAX_VALUE) {
                    return true;
                }
            }
        }
        return count > MAX_FIELDS;
    }

    private static int pageNumber(String number, int count) {
        if (!number.matches("\\d{1,3}")) {
            return 0;
        }
        int n = Integer.parseInt(number);
        return n >= 1 && n <= count ? n : 0;
    }

    private int firstUnanswered(PublicForm form, Draft draft) {
        List<Question> questions = questions(form, draft);
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).fields().stream().noneMatch(draft.answers()::has)) {
                return i + 1;
            }
        }
        return Math.max(1, questions.size());
    }

    // ---------------------------------------------------------------------------------------
    // The form's own language (issue #13)

    /**
     * The English | Cymraeg links on a form that has words in both languages: a plain link (no JavaScript), which
     * keeps the choice in a cookie for this form's link only and goes back to the page it was on. It
     * changes the organisation's words (title, questions, choices); the words of the service follow
     * the site's own language.
     */
    @GetMapping("/r/{formToken}/language/{code}")
    String chooseLanguage(@PathVariable String formToken, @PathVariable String code, @RequestParam(defaultValue = "") String back,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<PublicForm> found = respondents.locate(formToken);
        if (found.isEmpty()) {
            return notFound(formToken, model, response);
        }
        PublicForm form = found.get();
        String language = FormLanguage.parse(code);
        if (language != null) {
            Cookie cookie = new Cookie(LANGUAGE_COOKIE, language);
            cookie.setPath(base(form));
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        String home = base(form);
        String to = (back.equals(home) || back.startsWith(home + "/")) && back.chars().noneMatch(c -> c < 0x20) ? back : home;
        // One switch on the page: the service's own words follow the form's language too (the
        // header's switch is left off the pages that show this one).
        return language == null ? "redirect:" + to
                : "redirect:/language?to=" + language + "&back=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The language this request shows the form in: the respondent's choice, else the page's language. */
    private String language(PublicForm form) {
        Cookie chosen = org.springframework.web.util.WebUtils.getCookie(current, LANGUAGE_COOKIE);
        return FormLanguage.of(form.form(), chosen == null ? null : chosen.getValue(), LocaleContextHolder.getLocale());
    }

    /** The form with its words in the language this request shows it in. */
    private PublicForm shown(PublicForm form) {
        return new PublicForm(form.organisation(), form.form().in(language(form)));
    }

    /** The questions of the draft's version, in the language shown (same keys and choices, so answers are unchanged). */
    private List<Question> questions(PublicForm form, Draft draft) {
        String language = language(form);
        return respondents.questions(form, draft).stream().map(q -> q.in(language)).toList();
    }

    static String base(PublicForm form) {
        return "/r/" + form.form().token();
    }

    /** A new draft on the current version, its token in this device's cookie, and the first question. */
    private String startAfresh(PublicForm form, boolean kiosk, HttpServletRequest request, HttpServletResponse response) {
        Draft draft = respondents.start(form, kiosk ? Source.KIOSK : Source.ONLINE, null);
        setDraftCookie(form, draft.token(), request, response);
        return "redirect:" + base(form) + "/q/1";
    }

    /**
     * The draft's token, for this form's pages only: HttpOnly, Secure over HTTPS, SameSite=Lax, kept
     * as long as the server keeps the draft (7 days), so a half-done form carries on the next day.
     */
    private static void setDraftCookie(PublicForm form, String token, HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(DRAFT_COOKIE, token);
        cookie.setPath(base(form));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) RespondentService.DRAFT_KEPT.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    static void clearCookie(String name, String path, HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(name, "");
        cookie.setPath(path);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(0);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
