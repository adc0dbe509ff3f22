package org.coproduction.impact.form;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Answering forms. Anyone with a form's public link can answer while it is open; answers are kept
 * as a draft on the server page by page (so nothing is lost), and submitted whole, once: the
 * draft's token is the submission's one-time token.
 */
@Service
public class RespondentService {

    /** How long a half-done form is kept after it was last touched (the promise is at least 24 hours). */
    public static final java.time.Duration DRAFT_KEPT = java.time.Duration.ofDays(7);

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final FormRepository forms;
    private final ResponseRepository responses;
    private final FormService formService;
    private final Clock clock;
    private final AuditLog audit;
    private final AnswerCounts answerCounts;
    private final AboutYouAnswers aboutYou;

    RespondentService(FormRepository forms, ResponseRepository responses, FormService formService, Optional<Clock> clock, AuditLog audit,
            AnswerCounts answerCounts, AboutYouAnswers aboutYou) {
        this.answerCounts = answerCounts;
        this.aboutYou = aboutYou;
        this.forms = forms;
        this.responses = responses;
        this.formService = formService;
        this.clock = clock.orElse(Clock.system(UK));
        this.audit = audit;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    /** The form behind a public link; empty for an unknown or malformed token. Archived forms are not found. */
    public Optional<PublicForm> locate(String token) {
        if (!FormTokens.plausible(token)) {
            return Optional.empty();
        }
        return forms.byToken(token).filter(l -> !l.form().archived()).map(l -> new PublicForm(l.organisation(), l.form()));
    }

    /**
     * Forms found by their link for a send, with the stamp of the rows they were read from: the
     * busiest request (everyone at an event pressing "Send my answers") then reads the form no more,
     * and the statement that saves the answers checks the stamp ({@link ResponseRepository#sendDraft}),
     * so a form changed since (closed, edited, archived, given a new link) is read again, never used
     * as it was. Bounded: emptied when it holds {@link #TO_SEND_KEPT} links.
     */
    private final Map<String, FormRepository.Stamped> toSend = new java.util.concurrent.ConcurrentHashMap<>();

    static final int TO_SEND_KEPT = 1_000;

    /**
     * The form behind a public link, for sending answers: as {@link #locate}, but a form that takes
     * answers may come from an earlier request, checked again when the answers are saved by
     * {@link #submit(PublicForm, String, String)}.
     */
    public Optional<PublicForm> locateToSend(String token) {
        if (!FormTokens.plausible(token)) {
            return Optional.empty();
        }
        FormRepository.Stamped kept = toSend.get(token);
        if (kept != null && kept.form().form().takesAnswers(today())) {
            return Optional.of(kept.form());
        }
        Optional<FormRepository.Stamped> found = forms.byTokenStamped(token).filter(f -> !f.form().form().archived());
        found.ifPresentOrElse(f -> {
            if (toSend.size() >= TO_SEND_KEPT) {
                toSend.clear();
            }
            toSend.put(token, f);
        }, () -> toSend.remove(token));
        return found.map(FormRepository.Stamped::form);
    }

    public boolean takesAnswers(PublicForm form) {
        return form.form().takesAnswers(today());
    }

    /** The questions of the version a draft is answering. */
    public List<Question> questions(PublicForm form, Draft draft) {
        if (draft.versionNumber() == form.form().currentVersion()) {
            return form.form().questions();
        }
        // A draft started before the form's latest change answers the version it was started on.
        return forms.questionsOf(form.organisation(), form.form().id(), draft.versionNumber()).orElse(form.form().questions());
    }

    /** Starts a response on the current version. {@code memberId} names the person for a named form. */
    @Transactional
    public Draft start(PublicForm form, Source source, @Nullable UUID memberId) {
        if (source == Source.PAPER) {
            throw new IllegalArgumentException("Paper answers are entered by a facilitator");
        }
        String token = FormTokens.secret();
        responses.createDraft(form.organisation(), token, form.form().id(), form.form().currentVersion(), source, memberId);
        return responses.draft(form.organisation(), form.form().id(), token).orElseThrow();
    }

    public Optional<Draft> draft(PublicForm form, @Nullable String draftToken) {
        if (draftToken == null || !FormTokens.plausible(draftToken)) {
            return Optional.empty();
        }
        return responses.draft(form.organisation(), form.form().id(), draftToken);
    }

    /** The member a personal link belongs to, for forms whose answers are named. */
    public Optional<UUID> personalLinkUser(PublicForm form, String personalToken) {
        if (!form.form().namedAnswers() || !FormTokens.plausible(personalToken)) {
            return Optional.empty();
        }
        return responses.personalLinkUser(form.organisation(), form.form().id(), personalToken);
    }

    /**
     * Saves the answers to one page of questions into the draft. Returns the problems found (field to
     * message key); with any problem, or any field that is not one of the page's, nothing is saved.
     */
    @Transactional
    public Map<String, String> savePage(PublicForm form, Draft draft, List<Question> page, Map<String, List<String>> values) {
        Answers pageAnswers = new Answers(values);
        if (!pageAnswers.unknownFields(page).isEmpty()) {
            return Map.of("form", "form.answer.unknown-question");
        }
        Map<String, String> problems = Answers.problems(page, pageAnswers);
        if (!problems.isEmpty()) {
            return problems;
        }
        Map<String, List<String>> replaced = new java.util.LinkedHashMap<>();
        page.forEach(q -> q.fields().forEach(f -> replaced.put(f, pageAnswers.get(f))));
        responses.saveDraft(form.organisation(), form.form().id(), draft.token(), draft.answers().with(replaced));
        return Map.of();
    }

    /**
     * Submits a draft: checks every answer, then saves the response and removes the draft in one
     * transaction. Submitting the same draft again returns the saved response and adds nothing.
     */
    @Transactional
    public SubmitResult submit(PublicForm form, String draftToken) {
        return submit(form, draftToken, FormLanguage.ENGLISH);
    }

    /** The same, recording the language ({@code en} or {@code cy}) the form was answered in. */
    @Transactional
    public SubmitResult submit(PublicForm form, String draftToken, String language) {
        return submit(form, draftToken, language, true);
    }

    /** {@code mayUseKept}: false once the kept form was found changed, so a send reads the form at most twice. */
    private SubmitResult submit(PublicForm form, String draftToken, String language, boolean mayUseKept) {
        String lang = FormLanguage.parse(language) == null ? FormLanguage.ENGLISH : FormLanguage.parse(language);
        UUID formId = form.form().id();
        if (!FormTokens.plausible(draftToken)) {
            return new SubmitResult.NoDraft();
        }
        // The form as located for this request: callers locate it afresh on every request.
        if (!takesAnswers(form)) {
            return responses.submitted(form.organisation(), formId, draftToken)
                    .<SubmitResult>map(id -> new SubmitResult.Saved(id, true))
                    .orElseGet(SubmitResult.Closed::new);
        }
        // One statement on the usual path (the form was read by the caller, on this request or, for
        // locateToSend, an earlier one): take the draft and save it as the response; then check the
        // answers. Whatever is wrong rolls back, so the draft is kept and no response is added.
        FormRepository.Stamped kept = mayUseKept ? toSend.get(form.form().token()) : null;
        // The form given is the kept one (perhaps shown in another language): same form, same version.
        String stamp = kept != null && kept.form().form().id().equals(formId) && kept.form().form().version() == form.form().version()
                && kept.form().form().currentVersion() == form.form().currentVersion() ? kept.stamp() : null;
        ResponseRepository.Sending sending = responses.sendDraft(form.organisation(), formId, stamp, draftToken, lang);
        if (!sending.fresh()) {
            // The form changed since it was kept: nothing was taken. Read it again and send as usual.
            toSend.remove(form.form().token(), kept);
            Optional<PublicForm> now = locate(form.form().token());
            if (now.isEmpty() || !now.get().form().id().equals(formId)) {
                return new SubmitResult.Closed();
            }
            return submit(now.get(), draftToken, lang, false);
        }
        Optional<ResponseRepository.Sent> sent = sending.sent();
        if (sent.isEmpty()) {
            // No draft: either this submission was saved already (a double click, a resent page, the
            // back button; the draft goes as the response is saved), or there never was one.
            return responses.submitted(form.organisation(), formId, draftToken)
                    .<SubmitResult>map(id -> new SubmitResult.Saved(id, true))
                    .orElseGet(SubmitResult.NoDraft::new);
        }
        Draft draft = sent.get().draft();
        List<Question> questions = questions(form, draft);
        if (!draft.answers().unknownFields(questions).isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new SubmitResult.UnknownQuestions();
        }
        Map<String, String> problems = Answers.problems(questions, draft.answers());
        if (!problems.isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new SubmitResult.Invalid(problems);
        }
        UUID saved = sent.get().responseId();
        if (saved != null && asksAboutYou(questions)) {
            aboutYou.keepApart(form.organisation(), saved, draft.memberId(), questions, draft.answers());
        }
        return saved != null ? new SubmitResult.Saved(saved, false)
                : new SubmitResult.Saved(responses.submitted(form.organisation(), formId, draftToken).orElseThrow(), true);
    }

    /** The problem's field when a paper copy was sent with nothing typed in. */
    public static final String EMPTY_PAPER = "questions";

    /**
     * Saves answers from a paper copy, typed in by a facilitator, on the current version.
     * {@code submissionToken} comes from the entry page, so sending the page twice saves once.
     * Questions left blank on paper are left blank here (whether or not online answering requires
     * them); a page with nothing typed in at all is refused.
     */
    @Transactional
    public SubmitResult enterFromPaper(Tenant tenant, UUID formId, String submissionToken, Map<String, List<String>> values,
            @Nullable UUID memberId) {
        Form form = formService.form(tenant, formId);
        if (!FormTokens.plausible(submissionToken)) {
            return new SubmitResult.NoDraft();
        }
        Answers answers = new Answers(values);
        if (!answers.unknownFields(form.questions()).isEmpty()) {
            return new SubmitResult.UnknownQuestions();
        }
        if (answers.values().isEmpty()) {
            // An empty page is a slip of the button, not a paper copy: nothing to keep.
            return new SubmitResult.Invalid(Map.of(EMPTY_PAPER, "form.paper.enter.empty"));
        }
        Map<String, String> problems = Answers.transcriptionProblems(form.questions(), answers);
        if (!problems.isEmpty()) {
            return new SubmitResult.Invalid(problems);
        }
        if (memberId != null && !form.namedAnswers()) {
            memberId = null;
        }
        // The language the entry page shows the form in, so typed words are read in it (a Welsh-writing
        // organisation's paper copies are in Welsh unless the entry page is in its second language).
        String language = FormLanguage.of(form, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        Optional<UUID> id = responses.insert(tenant.organisationId(), formId, form.currentVersion(), submissionToken, answers, Source.PAPER,
                memberId, tenant.userId(), language);
        if (id.isPresent() && asksAboutYou(form.questions())) {
            aboutYou.keepApart(tenant.organisationId(), id.get(), memberId, form.questions(), answers);
        }
        return id.<SubmitResult>map(r -> new SubmitResult.Saved(r, false)).orElseGet(() -> new SubmitResult.Saved(
                responses.submitted(tenant.organisationId(), formId, submissionToken).orElseThrow(), true));
    }

    /**
     * Whether this token's answers were already sent (the draft became a response). The respondent
     * pages use it so that going back after sending shows "already sent", never an empty form.
     */
    public boolean submitted(PublicForm form, @Nullable String draftToken) {
        if (draftToken == null || !FormTokens.plausible(draftToken)) {
            return false;
        }
        return responses.submitted(form.organisation(), form.form().id(), draftToken).isPresent();
    }

    /** Throws away a half-done form ("Start again", or leaving kiosk mode): nothing of it is kept. */
    @Transactional
    public void discard(PublicForm form, @Nullable String draftToken) {
        if (draftToken != null && FormTokens.plausible(draftToken)) {
            responses.deleteDraft(form.organisation(), form.form().id(), draftToken);
        }
    }

    /**
     * The pass a kiosk tablet keeps in a cookie: an HMAC of the form's id keyed by the hash of its
     * kiosk PIN, which only the server knows. It cannot be made up on another device, and setting a
     * new PIN ends every kiosk started with the old one. Empty when the form has no PIN.
     */
    public Optional<String> kioskPass(PublicForm form) {
        return formService.kioskPinHash(form.organisation(), form.form().id()).map(hash -> kioskPass(hash, form.form().id()));
    }

    /** Whether a kiosk cookie's value is the form's current kiosk pass. */
    public boolean kioskPassValid(PublicForm form, @Nullable String pass) {
        return pass != null && kioskPass(form).map(p -> java.security.MessageDigest.isEqual(
                p.getBytes(java.nio.charset.StandardCharsets.US_ASCII), pass.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private static String kioskPass(String pinHash, UUID formId) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(pinHash.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sum = mac.doFinal(formId.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sum);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether the PIN leaves kiosk mode on this form. */
    public boolean kioskPinMatches(PublicForm form, String pin) {
        return formService.kioskPinMatches(form.organisation(), form.form().id(), pin);
    }

    /** Half-done forms not touched for a week are removed, every hour. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void removeOldDrafts() {
        // One statement, so all or nothing without a transaction of its own.
        OrganisationScope.asTheService("removing every organisation's drafts left for longer than a draft is kept",
                () -> responses.deleteDraftsBefore(OffsetDateTime.now(clock).minus(DRAFT_KEPT)));
    }

    public List<Response> responses(Tenant tenant, UUID formId, @Nullable Integer versionNumber, @Nullable LocalDate from,
            @Nullable LocalDate to) {
        formService.form(tenant, formId);
        return responses.list(tenant.organisationId(), formId, versionNumber, from, to, UK.getId());
    }

    @Transactional
    public void exclude(Tenant tenant, UUID formId, UUID responseId, Response.@Nullable Exclusion exclusion) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("response");
        }
        formService.form(tenant, formId);
        answerCounts.excluded(tenant.organisationId(), formId, responseId, exclusion != null);
        if (!responses.exclude(tenant.organisationId(), formId, responseId, exclusion, tenant.userId())) {
            throw new NotFoundException("response");
        }
        // Who left a response out, or counted it again, and when: the counts change, so it is kept.
        audit.record(tenant.organisationId(), tenant.userId(), exclusion == null ? "FORM_RESPONSE_COUNTED" : "FORM_RESPONSE_EXCLUDED",
                "form_response", responseId, exclusion == null ? null : exclusion.name());
    }

    private static boolean asksAboutYou(List<Question> questions) {
        return questions.stream().anyMatch(q -> q.type() == QuestionType.ABOUT_YOU);
    }
}
