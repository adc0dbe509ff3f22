package org.coproduction.impact.form;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds and manages forms. Facilitators and admins do this; respondents use {@link RespondentService}.
 * A change to the questions of a version that already has answers makes a new version, so no
 * answer ever loses the questions it was given to.
 */
@Service
public class FormService {

    public static final int MAX_QUESTIONS = 60;
    public static final int MAX_TITLE = 200;
    public static final int MAX_INTRO = 2000;

    private final FormRepository forms;
    private final ResponseRepository responses;
    private final ProjectService projects;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    FormService(FormRepository forms, ResponseRepository responses, ProjectService projects, PasswordEncoder passwords, AuditLog audit) {
        this.forms = forms;
        this.responses = responses;
        this.projects = projects;
        this.passwords = passwords;
        this.audit = audit;
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("form");
        }
    }

    /** Forms of a project, or with null of the whole organisation. */
    public List<Form> forms(Tenant tenant, @Nullable UUID projectId) {
        requireManager(tenant);
        if (projectId != null) {
            projects.project(tenant, projectId);
        }
        return forms.list(tenant.organisationId(), projectId);
    }

    /**
     * A page of a project's forms that are not archived, in the order of their id (for the API's
     * keyset paging): after {@code after} (absent: from the first), at most {@code limit}.
     */
    public List<Form> currentFormsById(Tenant tenant, UUID projectId, @Nullable UUID after, int limit) {
        requireManager(tenant);
        projects.project(tenant, projectId);
        return forms.currentById(tenant.organisationId(), projectId, after, limit);
    }

    public Form form(Tenant tenant, UUID formId) {
        requireManager(tenant);
        return forms.find(tenant.organisationId(), formId).orElseThrow(() -> new NotFoundException("form"));
    }

    @Transactional
    public UUID create(Tenant tenant, @Nullable UUID projectId, String title, @Nullable String intro, boolean namedAnswers,
            @Nullable String templateKey, List<Question> questions) {
        requireManager(tenant);
        if (projectId != null) {
            projects.project(tenant, projectId);
        }
        UUID id = forms.create(tenant.organisationId(), projectId, title.strip(), blankToNull(intro), namedAnswers, templateKey,
                withUniqueKeys(questions), tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "FORM_CREATED", "form", id, title);
        return id;
    }

    /**
     * Replaces the form's questions. If the current version has answers, the change becomes a new
     * version; questions that ask the same as before keep their key (so answers read together),
     * questions that ask something different get a new one.
     */
    @Transactional
    public FormEdit saveQuestions(Tenant tenant, UUID formId, int seenVersion, List<Question> questions) {
        Form form = form(tenant, formId);
        if (questions.size() > MAX_QUESTIONS) {
            return new FormEdit.Refused("questions", "form.error.too-many-questions");
        }
        if (!forms.claim(tenant.organisationId(), formId, seenVersion, tenant.userId())) {
            return new FormEdit.Stale(form(tenant, formId));
        }
        boolean answered = forms.responsesOn(tenant.organisationId(), formId, form.currentVersion()) > 0;
        List<Question> keyed = answered ? rekey(form.questions(), withUniqueKeys(questions)) : withUniqueKeys(questions);
        if (answered) {
            int next = form.currentVersion() + 1;
            forms.insertVersion(tenant.organisationId(), formId, next, keyed, tenant.userId());
            forms.setCurrentVersion(tenant.organisationId(), formId, next);
            audit.record(tenant.organisationId(), tenant.userId(), "FORM_VERSIONED", "form", formId, "version " + next);
            return new FormEdit.Saved(next, true);
        }
        forms.replaceQuestions(tenant.organisationId(), formId, form.currentVersion(), keyed);
        audit.record(tenant.organisationId(), tenant.userId(), "FORM_QUESTIONS_CHANGED", "form", formId, null);
        return new FormEdit.Saved(form.currentVersion(), false);
    }

    /** Keeps the old key where a question with that key still asks the same; otherwise gives a new one. */
    static List<Question> rekey(List<Question> before, List<Question> after) {
        Map<String, Question> old = new HashMap<>();
        before.forEach(q -> old.put(q.key(), q));
        List<Question> out = new ArrayList<>();
        for (Question q : after) {
            Question was = old.get(q.key());
            out.add(was != null && q.asksSomethingDifferentFrom(was) ? q.withKey(freshKey(before, after)) : q);
        }
        return out;
    }

    private static List<Question> withUniqueKeys(List<Question> questions) {
        List<Question> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Question q : questions) {
            Question k = q.key().isBlank() || !seen.add(q.key()) || !q.key().matches("[a-z0-9-]{1,36}") ? q.withKey(Question.newKey()) : q;
            seen.add(k.key());
            out.add(k);
        }
        return out;
    }

    private static String freshKey(List<Question> before, List<Question> after) {
        while (true) {
            String key = Question.newKey();
            if (before.stream().noneMatch(q -> q.key().equals(key)) && after.stream().noneMatch(q -> q.key().equals(key))) {
                return key;
            }
        }
    }

    /** Saves the settings, keeping how the answers will be used as it is. */
    @Transactional
    public FormEdit saveSettings(Tenant tenant, UUID formId, int seenVersion, String title, @Nullable String intro, boolean namedAnswers,
            @Nullable LocalDate closesOn) {
        return saveSettings(tenant, formId, seenVersion, title, intro, namedAnswers, closesOn, form(tenant, formId).answersUse());
    }

    /**
     * Saves the settings. {@code answersUse} is what the form's first page tells respondents their
     * answers will be used for; reports treat it as their consent for what they wrote.
     */
    @Transactional
    public FormEdit saveSettings(Tenant tenant, UUID formId, int seenVersion, String title, @Nullable String intro, boolean namedAnswers,
            @Nullable LocalDate closesOn, ConsentUse answersUse) {
        form(tenant, formId);
        if (!forms.claim(tenant.organisationId(), formId, seenVersion, tenant.userId())) {
            return new FormEdit.Stale(form(tenant, formId));
        }
        forms.updateSettings(tenant.organisationId(), formId, title.strip(), blankToNull(intro), namedAnswers, closesOn, answersUse);
        audit.record(tenant.organisationId(), tenant.userId(), "FORM_SETTINGS_CHANGED", "form", formId, title);
        return new FormEdit.Saved(form(tenant, formId).currentVersion(), false);
    }

    /**
     * Saves the settings with the form's title and introduction in Welsh (null for none). Respondents
     * of a form with any Welsh words choose English or Cymraeg.
     */
    @Transactional
    public FormEdit saveSettings(Tenant tenant, UUID formId, int seenVersion, String title, @Nullable String intro, boolean namedAnswers,
            @Nullable LocalDate closesOn, ConsentUse answersUse, @Nullable String titleCy, @Nullable String introCy) {
        FormEdit result = saveSettings(tenant, formId, seenVersion, title, intro, namedAnswers, closesOn, answersUse);
        if (result instanceof FormEdit.Saved) {
            forms.updateWelsh(tenant.organisationId(), formId, blankToNull(titleCy), blankToNull(introCy));
        }
        return result;
    }

    @Transactional
    public void setStatus(Tenant tenant, UUID formId, FormStatus status) {
        form(tenant, formId);
        forms.setStatus(tenant.organisationId(), formId, status);
        audit.record(tenant.organisationId(), tenant.userId(), "FORM_STATUS_CHANGED", "form", formId, status.name());
    }

    @Transactional
    public void archive(Tenant tenant, UUID formId, boolean archived) {
        form(tenant, formId);
        forms.setArchived(tenant.organisationId(), formId, archived, tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), archived ? "FORM_ARCHIVED" : "FORM_RESTORED", "form", formId, null);
    }

    public List<FormVersion> versions(Tenant tenant, UUID formId) {
        form(tenant, formId);
        return forms.versions(tenant.organisationId(), formId);
    }

    /** Sets the PIN that leaves kiosk mode on this form (kept only as a hash). */
    @Transactional
    public void setKioskPin(Tenant tenant, UUID formId, String pin) {
        form(tenant, formId);
        forms.setKioskPin(tenant.organisationId(), formId, passwords.encode(pin));
        audit.record(tenant.organisationId(), tenant.userId(), "FORM_KIOSK_PIN_SET", "form", formId, null);
    }

    /** The members' own links to a form whose answers are named, by name. */
    public List<PersonalLink> personalLinks(Tenant tenant, UUID formId) {
        form(tenant, formId);
        return responses.personalLinks(tenant.organisationId(), formId).stream()
                .map(l -> new PersonalLink(l.token(), l.userId(), l.displayName()))
                .toList();
    }

    /**
     * Makes a member of the form's project their own link to it (once: a second call keeps the first
     * link). Only for a project's forms, and only for people taking part in that project.
     */
    @Transactional
    public void addPersonalLink(Tenant tenant, UUID formId, UUID userId) {
        Form form = form(tenant, formId);
        if (form.projectId() == null || !projects.project(tenant, form.projectId()).involves(userId)) {
            throw new NotFoundException("project member");
        }
        responses.addPersonalLink(tenant.organisationId(), formId, userId);
        audit.record(tenant.organisationId(), tenant.userId(), "FORM_PERSONAL_LINK_MADE", "form", formId, null);
    }

    /** Forms collecting evidence for a project's outcomes and plan rows (for the plan). */
    public List<Form> projectForms(Tenant tenant, UUID projectId) {
        return forms.forProject(tenant.organisationId(), projectId);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // For RespondentService: PIN checks need the hash.
    boolean kioskPinMatches(org.coproduction.impact.shared.tenancy.OrganisationId org, UUID formId, String pin) {
        return forms.kioskPinHash(org, formId).map(hash -> passwords.matches(pin, hash)).orElse(false);
    }

    // For RespondentService: a kiosk's pass is made from the PIN's hash.
    Optional<String> kioskPinHash(org.coproduction.impact.shared.tenancy.OrganisationId org, UUID formId) {
        return forms.kioskPinHash(org, formId);
    }

    int responseCount(Tenant tenant, UUID formId) {
        return responses.count(tenant.organisationId(), formId);
    }
}
