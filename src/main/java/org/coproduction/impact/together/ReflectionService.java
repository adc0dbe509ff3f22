package org.coproduction.impact.together;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.media.MediaFile;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.Recording;
import org.coproduction.impact.media.StoreResult;
import org.coproduction.impact.pathway.Activity;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reflections on a project. Anyone taking part (members of the project, facilitators, admins) adds
 * one; the writer chooses the uses of their words. Who reads it follows that consent, applied when it
 * is shown: the writer and the project's facilitators always (as with members' own recorded entries),
 * other members of the group only when it is shared for learning, viewers never; reports only the
 * uses consented. Every change is audited.
 */
@Service
public class ReflectionService {

    /** Dates are UK dates, whatever the server's zone. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    public static final String SOURCE = "together";

    /** The longest answer to each of the three questions. */
    public static final int MAX_WORDS = 5000;

    public static final int MAX_THEMES = 10;

    public static final int MAX_THEME = 60;

    /** Per project, so one runaway script cannot fill the database. */
    static final int MAX_REFLECTIONS = 10_000;

    private final ProjectService projects;
    private final PathwayService pathways;
    private final ReflectionRepository reflections;
    private final MediaService media;
    private final AuditLog audit;

    ReflectionService(ProjectService projects, PathwayService pathways, ReflectionRepository reflections, MediaService media, AuditLog audit) {
        this.projects = projects;
        this.pathways = pathways;
        this.reflections = reflections;
        this.media = media;
        this.audit = audit;
    }

    public static String base(UUID projectId) {
        return "/projects/" + projectId + "/reflections";
    }

    public static LocalDate today() {
        return LocalDate.now(UK);
    }

    // Reading

    /** The project's reflections this person may read (otherwise "not found" for the project). */
    @Transactional(readOnly = true)
    public ProjectReflections reflections(Tenant tenant, UUID projectId) {
        Project project = projects.project(tenant, projectId);
        Pathway pathway = pathways.pathway(tenant, projectId);
        List<Reflection> all = reflections.list(tenant.organisationId(), projectId).stream().filter(r -> !r.archived()).toList();
        List<Reflection> visible = all.stream().filter(r -> mayRead(tenant, r)).toList();
        java.util.Map<UUID, UUID> spoken = new java.util.HashMap<>();
        visible.stream().filter(Reflection::spoken).forEach(r -> spoken.put(r.voiceMediaId(), r.id()));
        java.util.Map<UUID, MediaFile> voices = new java.util.HashMap<>();
        for (MediaFile f : spoken.isEmpty() ? List.<MediaFile>of() : media.files(tenant, spoken.keySet())) {
            voices.put(spoken.get(f.id()), f);
        }
        return new ProjectReflections(project, pathway.currentActivities(), pathway.currentOutcomes(), visible, all.size() - visible.size(),
                tenant.is(Role.ADMIN, Role.FACILITATOR), voices);
    }

    /** One reflection this person wrote; anyone else's is "not found", whatever their role. */
    @Transactional(readOnly = true)
    public Reflection own(Tenant tenant, UUID projectId, UUID reflectionId) {
        projects.project(tenant, projectId);
        return reflections.find(tenant.organisationId(), projectId, reflectionId)
                .filter(r -> !r.archived() && r.writtenBy(tenant.userId().value()))
                .orElseThrow(() -> new NotFoundException("reflection"));
    }

    /** The consent rule, in one place: the writer, facilitators and admins; other members only when shared for learning. */
    static boolean mayRead(Tenant tenant, Reflection r) {
        if (r.archived()) {
            return false;
        }
        if (tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            return true;
        }
        if (tenant.is(Role.MEMBER)) {
            return r.writtenBy(tenant.userId().value()) || r.mayBeUsedFor(ConsentUse.INTERNAL_LEARNING);
        }
        return false;
    }

    static EvidenceItem asEvidence(Reflection r) {
        String title = r.title().isEmpty() ? "" : r.title();
        return new EvidenceItem(SOURCE, r.id(), EvidenceType.PEOPLES_VOICES, "together.evidence.kind", title.isEmpty() ? r.happenedOn().toString() : title,
                r.happenedOn(), r.outcomeIds(), Set.of(), true, r.uses(), base(r.projectId()) + "#reflection-" + r.id());
    }

    // Changing

    @Transactional
    public TogetherResult add(Tenant tenant, UUID projectId, ReflectionDraft draft) {
        return add(tenant, projectId, draft, null);
    }

    /**
     * Adds a reflection, spoken as well as or instead of typed: the recording is stored through the
     * media module with its checks (content, size) and must be a sound recording; a refused file
     * saves nothing.
     */
    @Transactional
    public TogetherResult add(Tenant tenant, UUID projectId, ReflectionDraft draft, @org.jspecify.annotations.Nullable Recording voice) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR, Role.MEMBER)) {
            throw new NotFoundException("project");
        }
        projects.project(tenant, projectId);
        Pathway pathway = pathways.pathway(tenant, projectId);
        if (reflections.countCurrent(tenant.organisationId(), projectId) >= MAX_REFLECTIONS) {
            return TogetherResult.refused("wentWell", "together.reflection.too-many", MAX_REFLECTIONS);
        }
        TogetherResult.Refused refused = check(pathway, draft, voice != null);
        if (refused != null) {
            return refused;
        }
        UUID voiceId = null;
        if (voice != null) {
            StoreResult stored = media.storeAudio(tenant, projectId, voice.filename(), voice.bytes());
            if (stored instanceof StoreResult.Refused(String key)) {
                return TogetherResult.refused("voice", key);
            }
            voiceId = ((StoreResult.Stored) stored).file().id();
        }
        ReflectionDraft clean = new ReflectionDraft(draft.activityId(), draft.face(), draft.wentWell().strip(), draft.notWell().strip(),
                draft.wouldChange().strip(), draft.outcomeIds(), cleanThemes(draft.themes()), draft.uses());
        UUID id = reflections.add(tenant.organisationId(), projectId, clean, voiceId, today(), tenant.is(Role.MEMBER), tenant.userId());
        reflections.addConsent(tenant.organisationId(), id, clean.uses(), tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "reflection", id, "uses: " + uses(clean.uses()) + (voiceId == null ? "" : "; spoken: " + voiceId));
        return new TogetherResult.Saved(id);
    }

    /** The writer changes who may use their words; none withdraws every use. Only the writer may. */
    @Transactional
    public TogetherResult changeUses(Tenant tenant, UUID projectId, UUID reflectionId, int version, Set<ConsentUse> uses) {
        Reflection r = own(tenant, projectId, reflectionId);
        if (r.version() != version || !reflections.changeConsent(tenant.organisationId(), reflectionId, version, uses, tenant.userId())) {
            return new TogetherResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), uses.isEmpty() ? "CONSENT_WITHDRAWN" : "CONSENT_CHANGED", "reflection",
                reflectionId, "uses: " + uses(uses));
        return new TogetherResult.Saved(reflectionId);
    }

    /** The writer takes their reflection away; it is archived, so the audit trail keeps its meaning. */
    @Transactional
    public TogetherResult takeAway(Tenant tenant, UUID projectId, UUID reflectionId, int version) {
        Reflection r = own(tenant, projectId, reflectionId);
        if (r.version() != version || !reflections.archive(tenant.organisationId(), reflectionId, version, tenant.userId())) {
            return new TogetherResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "ARCHIVED", "reflection", reflectionId, null);
        return new TogetherResult.Saved(reflectionId);
    }

    private static String uses(Set<ConsentUse> uses) {
        return uses.isEmpty() ? "none" : String.join(",", uses.stream().sorted().map(Enum::name).toList());
    }

    private static TogetherResult.@org.jspecify.annotations.Nullable Refused check(Pathway pathway, ReflectionDraft d, boolean spoken) {
        boolean noWords = d.wentWell().isBlank() && d.notWell().isBlank() && d.wouldChange().isBlank();
        if (d.face() == null && noWords && !spoken) {
            return TogetherResult.refused("face", "together.reflection.empty");
        }
        if (d.wentWell().strip().length() > MAX_WORDS) {
            return TogetherResult.refused("wentWell", "together.reflection.too-long", MAX_WORDS);
        }
        if (d.notWell().strip().length() > MAX_WORDS) {
            return TogetherResult.refused("notWell", "together.reflection.too-long", MAX_WORDS);
        }
        if (d.wouldChange().strip().length() > MAX_WORDS) {
            return TogetherResult.refused("wouldChange", "together.reflection.too-long", MAX_WORDS);
        }
        if (d.activityId() != null && pathway.currentActivities().stream().map(Activity::id).noneMatch(d.activityId()::equals)) {
            return TogetherResult.refused("activityId", "together.reflection.activity.unknown");
        }
        Set<UUID> outcomes = pathway.currentOutcomes().stream().map(Outcome::id).collect(java.util.stream.Collectors.toSet());
        if (!outcomes.containsAll(d.outcomeIds())) {
            return TogetherResult.refused("outcomeIds", "together.reflection.outcome.unknown");
        }
        List<String> themes = cleanThemes(d.themes());
        if (themes.size() > MAX_THEMES) {
            return TogetherResult.refused("themes", "together.reflection.themes.too-many", MAX_THEMES);
        }
        if (themes.stream().anyMatch(t -> t.length() > MAX_THEME)) {
            return TogetherResult.refused("themes", "together.reflection.themes.too-long", MAX_THEME);
        }
        return null;
    }

    /** Themes in lower case, single-spaced, each once: "Meeting online " and "meeting online" are one theme. */
    public static List<String> cleanThemes(List<String> themes) {
        Set<String> clean = new LinkedHashSet<>();
        for (String t : themes) {
            String c = t.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (!c.isEmpty()) {
                clean.add(c);
            }
        }
        return new ArrayList<>(clean);
    }

    /** Themes typed in one box, separated by commas. */
    public static List<String> splitThemes(String typed) {
        return cleanThemes(List.of(typed.split(",")));
    }
}
