package org.coproduction.impact.together;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.tracker.TaskDraft;
import org.coproduction.impact.tracker.TrackerLimits;
import org.coproduction.impact.tracker.TrackerResult;
import org.coproduction.impact.tracker.TrackerService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The co-production self-assessment of a project. Facilitators and admins start a round; everyone
 * taking part answers it, members and staff separately (the side comes from the role); facilitators
 * and admins read the results side by side, with the change since the last round, and turn a weak
 * area into a task in the tracker. The statements are the organisation's own, copied from a starter
 * set the first time. Every change is audited; one person's answers are never shown to anyone else,
 * only means, counts and the comments and reasons they wrote.
 */
@Service
public class SelfAssessmentService {

    public static final int MAX_STATEMENT = 300;
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_TITLE = 200;
    static final int MAX_STATEMENTS = 60;
    static final int MAX_ROUNDS = 200;

    private final ProjectService projects;
    private final TrackerService tracker;
    private final SelfAssessmentRepository repository;
    private final AuditLog audit;

    SelfAssessmentService(ProjectService projects, TrackerService tracker, SelfAssessmentRepository repository, AuditLog audit) {
        this.projects = projects;
        this.tracker = tracker;
        this.repository = repository;
        this.audit = audit;
    }

    public static String base(UUID projectId) {
        return "/projects/" + projectId + "/self-assessments";
    }

    // Statements

    /** The organisation's statements, copied from the starter set the first time anyone asks. */
    @Transactional
    public List<Statement> statements(Tenant tenant) {
        repository.seedIfEmpty(tenant.organisationId());
        return repository.statements(tenant.organisationId());
    }

    @Transactional
    public TogetherResult changeStatement(Tenant tenant, UUID statementId, int version, String words, String easyRead) {
        requireEditor(tenant);
        Statement before = statements(tenant).stream().filter(s -> s.id().equals(statementId)).findFirst()
                .orElseThrow(() -> new NotFoundException("statement"));
        TogetherResult.Refused refused = checkStatement(words, easyRead);
        if (refused != null) {
            return refused;
        }
        if (before.version() != version
                || !repository.updateStatement(tenant.organisationId(), statementId, version, words.strip(), easyRead.strip(), tenant.userId())) {
            return new TogetherResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "UPDATED", "coproduction_statement", statementId, words.strip());
        return new TogetherResult.Saved(statementId);
    }

    @Transactional
    public TogetherResult addStatement(Tenant tenant, Principle principle, String words, String easyRead) {
        requireEditor(tenant);
        if (statements(tenant).size() >= MAX_STATEMENTS) {
            return TogetherResult.refused("words", "together.statement.too-many", MAX_STATEMENTS);
        }
        TogetherResult.Refused refused = checkStatement(words, easyRead);
        if (refused != null) {
            return refused;
        }
        UUID id = repository.addStatement(tenant.organisationId(), principle, words.strip(), easyRead.strip(), tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "coproduction_statement", id, words.strip());
        return new TogetherResult.Saved(id);
    }

    private static TogetherResult.@Nullable Refused checkStatement(String words, String easyRead) {
        if (words.isBlank()) {
            return TogetherResult.refused("words", "together.statement.words.required");
        }
        if (easyRead.isBlank()) {
            return TogetherResult.refused("easyRead", "together.statement.easy-read.required");
        }
        if (words.strip().length() > MAX_STATEMENT) {
            return TogetherResult.refused("words", "together.reflection.too-long", MAX_STATEMENT);
        }
        if (easyRead.strip().length() > MAX_STATEMENT) {
            return TogetherResult.refused("easyRead", "together.reflection.too-long", MAX_STATEMENT);
        }
        return null;
    }

    // Rounds

    /**
     * What the rounds look at: the project (otherwise "not found"), or, for {@code projectId} null,
     * the whole organisation, which everyone taking part in its work answers.
     */
    public Place place(Tenant tenant, @Nullable UUID projectId) {
        return projectId == null ? Place.organisation(tenant.organisationName()) : Place.of(projects.project(tenant, projectId));
    }

    /** The project's rounds, or the organisation's own ({@code projectId} null), oldest first (otherwise "not found" for the project). */
    @Transactional(readOnly = true)
    public List<SelfAssessment> rounds(Tenant tenant, @Nullable UUID projectId) {
        requireTakingPart(tenant);
        place(tenant, projectId);
        return repository.rounds(tenant.organisationId(), projectId);
    }

    /** Starts a round of a project's self-assessment, or (an ADMIN, {@code projectId} null) of the whole organisation's. */
    @Transactional
    public TogetherResult start(Tenant tenant, @Nullable UUID projectId, String title) {
        requireEditor(tenant);
        if (projectId == null && !tenant.is(Role.ADMIN)) {
            throw new NotFoundException("self-assessment");
        }
        place(tenant, projectId);
        if (title.isBlank()) {
            return TogetherResult.refused("title", "together.round.title.required");
        }
        if (title.strip().length() > MAX_TITLE) {
            return TogetherResult.refused("title", "together.reflection.too-long", MAX_TITLE);
        }
        if (repository.rounds(tenant.organisationId(), projectId).size() >= MAX_ROUNDS) {
            return TogetherResult.refused("title", "together.round.too-many", MAX_ROUNDS);
        }
        repository.seedIfEmpty(tenant.organisationId());
        UUID id = repository.start(tenant.organisationId(), projectId, title.strip(), ReflectionService.today(), tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "self_assessment", id,
                (projectId == null ? "organisation: " : "") + title.strip());
        return new TogetherResult.Saved(id);
    }

    private SelfAssessment round(Tenant tenant, @Nullable UUID projectId, UUID assessmentId) {
        return repository.round(tenant.organisationId(), projectId, assessmentId).orElseThrow(() -> new NotFoundException("self-assessment"));
    }

    /**
     * The organisation's latest round this person has not answered yet, if any: the home page asks
     * them for their view.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<SelfAssessment> waitingForMe(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR, Role.MEMBER)) {
            return java.util.Optional.empty();
        }
        List<SelfAssessment> rounds = repository.rounds(tenant.organisationId(), null);
        if (rounds.isEmpty()) {
            return java.util.Optional.empty();
        }
        SelfAssessment latest = rounds.getLast();
        boolean answered = !repository.answersOf(tenant.organisationId(), latest.id(), tenant.userId()).isEmpty()
                || repository.ladderOf(tenant.organisationId(), latest.id(), tenant.userId()).isPresent();
        return answered ? java.util.Optional.empty() : java.util.Optional.of(latest);
    }

    // Answering

    @Transactional
    public AnswerSheet sheet(Tenant tenant, @Nullable UUID projectId, UUID assessmentId) {
        requireTakingPart(tenant);
        Place place = place(tenant, projectId);
        SelfAssessment round = round(tenant, projectId, assessmentId);
        List<Statement> statements = statements(tenant);
        Map<UUID, Integer> scores = new HashMap<>();
        Map<UUID, String> comments = new HashMap<>();
        repository.answersOf(tenant.organisationId(), assessmentId, tenant.userId()).values().forEach(a -> {
            if (a.score() != null) {
                scores.put(a.statementId(), a.score());
            }
            if (a.comment() != null) {
                comments.put(a.statementId(), a.comment());
            }
        });
        var ladder = repository.ladderOf(tenant.organisationId(), assessmentId, tenant.userId());
        return new AnswerSheet(place, round, Side.of(tenant), statements, scores, comments, ladder.map(Ladder.Choice::rung).orElse(null),
                ladder.map(Ladder.Choice::reasons).orElse(null));
    }

    /**
     * Saves this person's view: a score (1 to 4, or none) and a comment per statement, and a step of
     * the ladder with reasons. Answering again replaces their earlier answers.
     */
    @Transactional
    public TogetherResult answer(Tenant tenant, @Nullable UUID projectId, UUID assessmentId, Map<UUID, Integer> scores, Map<UUID, String> comments,
            @Nullable Rung rung, String reasons) {
        requireTakingPart(tenant);
        place(tenant, projectId);
        round(tenant, projectId, assessmentId);
        Set<UUID> known = statements(tenant).stream().map(Statement::id).collect(Collectors.toSet());
        if (!known.containsAll(scores.keySet()) || !known.containsAll(comments.keySet())) {
            return TogetherResult.refused("statements", "together.answer.statement.unknown");
        }
        if (scores.values().stream().anyMatch(s -> s < 1 || s > 4)) {
            return TogetherResult.refused("statements", "together.answer.score.unknown");
        }
        for (var c : comments.entrySet()) {
            if (c.getValue().strip().length() > MAX_COMMENT) {
                return TogetherResult.refused("comment-" + c.getKey(), "together.reflection.too-long", MAX_COMMENT);
            }
        }
        if (reasons.strip().length() > MAX_COMMENT) {
            return TogetherResult.refused("reasons", "together.reflection.too-long", MAX_COMMENT);
        }
        if (scores.isEmpty() && rung == null && comments.values().stream().allMatch(String::isBlank)) {
            return TogetherResult.refused("statements", "together.answer.empty");
        }
        Side side = Side.of(tenant);
        for (UUID id : known) {
            Integer score = scores.get(id);
            String comment = comments.getOrDefault(id, "").strip();
            if (score != null || !comment.isEmpty()) {
                repository.saveAnswer(tenant.organisationId(), assessmentId, id, tenant.userId(), side, score, comment.isEmpty() ? null : comment);
            }
        }
        if (rung != null) {
            repository.saveLadder(tenant.organisationId(), assessmentId, tenant.userId(), side, rung, reasons.isBlank() ? null : reasons.strip());
        }
        audit.record(tenant.organisationId(), tenant.userId(), "ANSWERED", "self_assessment", assessmentId, side.name());
        return new TogetherResult.Saved(assessmentId);
    }

    // Results

    @Transactional
    public AssessmentResults results(Tenant tenant, @Nullable UUID projectId, UUID assessmentId) {
        requireEditor(tenant);
        Place place = place(tenant, projectId);
        List<SelfAssessment> rounds = repository.rounds(tenant.organisationId(), projectId);
        SelfAssessment round = rounds.stream().filter(r -> r.id().equals(assessmentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("self-assessment"));
        int index = rounds.indexOf(round);
        SelfAssessment previous = index > 0 ? rounds.get(index - 1) : null;
        List<Statement> statements = statements(tenant);
        Comparison comparison = Comparison.of(statements, repository.scores(tenant.organisationId(), assessmentId),
                previous == null ? List.of() : repository.scores(tenant.organisationId(), previous.id()));
        Map<UUID, List<AssessmentResults.Comment>> comments = repository.comments(tenant.organisationId(), assessmentId).stream()
                .collect(Collectors.groupingBy(SelfAssessmentRepository.Comment::statementId,
                        Collectors.mapping(c -> new AssessmentResults.Comment(c.side(), c.words()), Collectors.toList())));
        return new AssessmentResults(place, round, previous, statements, comparison, Ladder.of(repository.ladder(tenant.organisationId(), assessmentId)),
                comments, repository.respondents(tenant.organisationId(), assessmentId), repository.actions(tenant.organisationId(), assessmentId));
    }

    /**
     * Turns a principle of a round into a task in the project's tracker, once: a second click (or a
     * colleague at the same time) gets the task already made. The person who made it owns it, until
     * they give it to someone else in the tracker.
     */
    @Transactional
    public TogetherResult makeAction(Tenant tenant, UUID projectId, UUID assessmentId, Principle principle) {
        return makeAction(tenant, projectId, assessmentId, principle, projectId);
    }

    /**
     * As {@link #makeAction(Tenant, UUID, UUID, Principle)} for a project's round or (with
     * {@code projectId} null) the organisation's, whose task goes into the tracker of
     * {@code trackerProjectId}, a project of the organisation the person chose.
     */
    @Transactional
    public TogetherResult makeAction(Tenant tenant, @Nullable UUID projectId, UUID assessmentId, Principle principle,
            @Nullable UUID trackerProjectId) {
        requireEditor(tenant);
        place(tenant, projectId);
        SelfAssessment round = round(tenant, projectId, assessmentId);
        repository.lockRound(tenant.organisationId(), assessmentId);
        AssessmentResults.Action existing = repository.actions(tenant.organisationId(), assessmentId).get(principle);
        if (existing != null) {
            return new TogetherResult.Saved(existing.taskId());
        }
        UUID target = projectId != null ? projectId : trackerProjectId;
        if (target == null) {
            return TogetherResult.refused("project-" + principle.name().toLowerCase(java.util.Locale.ROOT), "together.action.project.missing");
        }
        String title = Ui.standard("together.action.title", Ui.standard(principle.messageKey()), round.title());
        if (title.length() > TrackerLimits.TITLE) {
            title = title.substring(0, TrackerLimits.TITLE - 1) + "…";
        }
        TrackerResult made = tracker.addTask(tenant, target, new TaskDraft(title, tenant.userId().value(), null, null, false, Set.of(), Set.of()));
        if (made instanceof TrackerResult.Saved saved) {
            repository.claimAction(tenant.organisationId(), assessmentId, principle, saved.id(), target, tenant.userId());
            audit.record(tenant.organisationId(), tenant.userId(), "ACTION_MADE", "self_assessment", assessmentId, principle.name());
            return new TogetherResult.Saved(saved.id());
        }
        if (made instanceof TrackerResult.Refused r) {
            return new TogetherResult.Refused("action", r.messageKey(), r.args());
        }
        return new TogetherResult.Stale();
    }

    static void requireEditor(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("self-assessment");
        }
    }

    static void requireTakingPart(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR, Role.MEMBER)) {
            throw new NotFoundException("self-assessment");
        }
    }
}
