package org.coproduction.impact.together;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lessons learned: written by facilitators and admins per project, found across the organisation by
 * words or theme, and read by the learning report with the reflections behind them. A reflection is
 * shown beside a lesson, or chosen as evidence for one, only while its writer agrees to its use for
 * learning. Every change is audited.
 */
@Service
public class LessonService {

    public static final int MAX_LESSON = 2000;
    public static final int MAX_EVIDENCE = 5000;
    public static final int MAX_CHANGE = 2000;
    static final int MAX_LESSONS = 2000;

    private final ProjectService projects;
    private final LessonRepository lessons;
    private final ReflectionRepository reflections;
    private final AuditLog audit;

    LessonService(ProjectService projects, LessonRepository lessons, ReflectionRepository reflections, AuditLog audit) {
        this.projects = projects;
        this.lessons = lessons;
        this.reflections = reflections;
        this.audit = audit;
    }

    public static String base(UUID projectId) {
        return "/projects/" + projectId + "/lessons";
    }

    // Reading

    @Transactional(readOnly = true)
    public List<Lesson> lessons(Tenant tenant, UUID projectId) {
        requireEditor(tenant);
        projects.project(tenant, projectId);
        return lessons.list(tenant.organisationId(), projectId);
    }

    @Transactional(readOnly = true)
    public Lesson lesson(Tenant tenant, UUID projectId, UUID lessonId) {
        requireEditor(tenant);
        projects.project(tenant, projectId);
        return lessons.find(tenant.organisationId(), projectId, lessonId).orElseThrow(() -> new NotFoundException("lesson"));
    }

    /** The project's current reflections whose writers agree to their use for learning: those a lesson may show and rest on. */
    @Transactional(readOnly = true)
    public List<Reflection> sharedReflections(Tenant tenant, UUID projectId) {
        requireEditor(tenant);
        projects.project(tenant, projectId);
        return shared(tenant, projectId);
    }

    private List<Reflection> shared(Tenant tenant, UUID projectId) {
        return reflections.list(tenant.organisationId(), projectId).stream()
                .filter(r -> !r.archived() && r.mayBeUsedFor(ConsentUse.INTERNAL_LEARNING))
                .toList();
    }

    /** Lessons from every project of the organisation, by words (full text) and/or theme, one page at a time, best match first. */
    @Transactional(readOnly = true)
    public LessonSearch search(Tenant tenant, String words, String theme, long page) {
        requireEditor(tenant);
        String q = words.strip();
        String t = theme.strip().toLowerCase(java.util.Locale.ROOT);
        long total = lessons.count(tenant.organisationId(), q, t);
        int pages = (int) Math.max(1, (total + LessonSearch.PAGE_SIZE - 1) / LessonSearch.PAGE_SIZE);
        int p = (int) Math.min(Math.max(1, page), pages);
        return new LessonSearch(lessons.search(tenant.organisationId(), q, t, (p - 1) * LessonSearch.PAGE_SIZE, LessonSearch.PAGE_SIZE), total, p,
                pages);
    }

    @Transactional(readOnly = true)
    public List<String> themes(Tenant tenant) {
        requireEditor(tenant);
        return lessons.themes(tenant.organisationId());
    }

    /**
     * What the project learned between {@code from} and {@code to} (both included), for the learning
     * report: its lessons, and its reflections of the period shared for learning. Facilitators and
     * admins only; a reflection whose writer has withdrawn that use is left out at once.
     */
    @Transactional(readOnly = true)
    public Learning learning(Tenant tenant, UUID projectId, LocalDate from, LocalDate to) {
        requireEditor(tenant);
        projects.project(tenant, projectId);
        List<Reflection> inPeriod = shared(tenant, projectId).stream()
                .filter(r -> !r.happenedOn().isBefore(from) && !r.happenedOn().isAfter(to))
                .sorted(java.util.Comparator.comparing(Reflection::happenedOn))
                .toList();
        return new Learning(from, to, lessons.between(tenant.organisationId(), projectId, from, to), inPeriod);
    }

    // Changing

    @Transactional
    public TogetherResult add(Tenant tenant, UUID projectId, LessonDraft draft) {
        requireEditor(tenant);
        Project project = projects.project(tenant, projectId);
        if (lessons.list(tenant.organisationId(), projectId).size() >= MAX_LESSONS) {
            return TogetherResult.refused("lesson", "together.lesson.too-many", MAX_LESSONS);
        }
        TogetherResult.Refused refused = check(tenant, project.id(), draft);
        if (refused != null) {
            return refused;
        }
        UUID id = lessons.add(tenant.organisationId(), projectId, clean(draft), ReflectionService.today(), tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "lesson", id, draft.lesson().strip());
        return new TogetherResult.Saved(id);
    }

    @Transactional
    public TogetherResult update(Tenant tenant, UUID projectId, UUID lessonId, int version, LessonDraft draft) {
        Lesson before = lesson(tenant, projectId, lessonId);
        TogetherResult.Refused refused = check(tenant, projectId, draft);
        if (refused != null) {
            return refused;
        }
        if (before.version() != version || !lessons.update(tenant.organisationId(), projectId, lessonId, version, clean(draft), tenant.userId())) {
            return new TogetherResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "UPDATED", "lesson", lessonId,
                draft.changeMade() && !before.changeMade() ? "change made" : null);
        return new TogetherResult.Saved(lessonId);
    }

    private static LessonDraft clean(LessonDraft d) {
        return new LessonDraft(d.lesson().strip(), d.evidence().strip(), d.change().strip(), d.changeMade(), ReflectionService.cleanThemes(d.themes()),
                d.reflectionIds());
    }

    private TogetherResult.@org.jspecify.annotations.Nullable Refused check(Tenant tenant, UUID projectId, LessonDraft d) {
        if (d.lesson().isBlank()) {
            return TogetherResult.refused("lesson", "together.lesson.required");
        }
        if (d.lesson().strip().length() > MAX_LESSON) {
            return TogetherResult.refused("lesson", "together.reflection.too-long", MAX_LESSON);
        }
        if (d.evidence().strip().length() > MAX_EVIDENCE) {
            return TogetherResult.refused("evidence", "together.reflection.too-long", MAX_EVIDENCE);
        }
        if (d.change().strip().length() > MAX_CHANGE) {
            return TogetherResult.refused("change", "together.reflection.too-long", MAX_CHANGE);
        }
        List<String> themes = ReflectionService.cleanThemes(d.themes());
        if (themes.size() > ReflectionService.MAX_THEMES) {
            return TogetherResult.refused("themes", "together.reflection.themes.too-many", ReflectionService.MAX_THEMES);
        }
        if (themes.stream().anyMatch(t -> t.length() > ReflectionService.MAX_THEME)) {
            return TogetherResult.refused("themes", "together.reflection.themes.too-long", ReflectionService.MAX_THEME);
        }
        Map<UUID, Reflection> shared = shared(tenant, projectId).stream().collect(Collectors.toMap(Reflection::id, Function.identity()));
        if (!shared.keySet().containsAll(d.reflectionIds())) {
            return TogetherResult.refused("reflectionIds", "together.lesson.reflection.unknown");
        }
        return null;
    }

    static void requireEditor(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("lessons");
        }
    }

    /** The reflections behind a lesson that may be shown now: shared for learning today. */
    public static List<Reflection> behind(Lesson lesson, List<Reflection> shared) {
        Set<UUID> ids = Set.copyOf(lesson.reflectionIds());
        return shared.stream().filter(r -> ids.contains(r.id())).toList();
    }
}
