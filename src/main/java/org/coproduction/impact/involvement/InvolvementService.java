package org.coproduction.impact.involvement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.form.AboutYou;
import org.coproduction.impact.form.AboutYouAnswers;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door of who took part: the comparison for a project or the whole organisation, the
 * local population profile, and a member's own "about you" answers.
 */
@Service
public class InvolvementService {

    /** Longest area name and source. */
    public static final int AREA_NAME = 200;
    public static final int SOURCE = 300;

    private final AboutYouAnswers answers;
    private final LocalProfileRepository profiles;
    private final ProjectService projects;
    private final AuditLog audit;
    private final ReciprocityRepository reciprocity;

    InvolvementService(AboutYouAnswers answers, LocalProfileRepository profiles, ProjectService projects, AuditLog audit,
            ReciprocityRepository reciprocity) {
        this.reciprocity = reciprocity;
        this.answers = answers;
        this.profiles = profiles;
        this.projects = projects;
        this.audit = audit;
    }

    /** The tenant's project, or "not found". */
    public Project project(Tenant tenant, UUID projectId) {
        return projects.project(tenant, projectId);
    }

    /** Who took part (in a project, or across the organisation when null) beside the area. ADMINs and FACILITATORs only. */
    @Transactional
    public Comparison comparison(Tenant tenant, @Nullable UUID projectId) {
        if (projectId != null) {
            projects.project(tenant, projectId);
        }
        return Comparison.of(answers.whoTookPart(tenant, projectId), profiles.find(tenant.organisationId()).orElse(null));
    }

    public Optional<LocalProfile> localProfile(Tenant tenant) {
        return profiles.find(tenant.organisationId());
    }

    /**
     * Replaces the local profile with the rows of this file that can be used. ADMINs only. Returns
     * the number of figures imported, or empty if the file cannot be read at all.
     */
    @Transactional
    public Optional<Integer> importProfile(Tenant tenant, String areaName, @Nullable String source, String csv) {
        if (!tenant.is(Role.ADMIN)) {
            throw new AccessDeniedException("the local profile is imported by an ADMIN");
        }
        if (!(LocalProfileCsv.read(csv) instanceof LocalProfileCsv.Reading.Read read) || read.rows().isEmpty()) {
            return Optional.empty();
        }
        profiles.replace(tenant.organisationId(), tenant.userId(), areaName, source, read.rows());
        audit.record(tenant.organisationId(), tenant.userId(), "LOCAL_PROFILE_IMPORTED", "local_population_area",
                tenant.organisationId().value(), areaName + ": " + read.rows().size() + " figures");
        return Optional.of(read.rows().size());
    }

    /** The signed-in person's own "about you" answers (the read is audited). */
    public Map<AboutYou, String> ownAnswers(Tenant tenant) {
        return answers.profile(tenant);
    }

    public void saveOwnAnswers(Tenant tenant, Map<AboutYou, String> given) {
        answers.saveProfile(tenant, given);
    }

    // ---------------------------------------------------------------------------------------
    // The reciprocity ledger (ADMINs and FACILITATORs)

    /** Something given, or offered, to a co-producer, as typed in. */
    public record ReciprocityDraft(UUID userId, ReciprocityKind kind, @Nullable String description, @Nullable Long amountPence,
            LocalDate offeredOn, @Nullable LocalDate givenOn, boolean adviceOffered) {}

    public Reciprocity reciprocity(Tenant tenant, UUID projectId) {
        staffOnly(tenant);
        projects.project(tenant, projectId);
        return new Reciprocity(reciprocity.entries(tenant.organisationId(), projectId));
    }

    /** Records an entry for someone taking part in the project; false when they are not. */
    @Transactional
    public boolean record(Tenant tenant, UUID projectId, ReciprocityDraft d) {
        staffOnly(tenant);
        Project project = projects.project(tenant, projectId);
        if (!project.involves(d.userId())) {
            return false;
        }
        reciprocity.add(tenant.organisationId(), projectId, tenant.userId(), d.userId(), d.kind(), d.description(), d.amountPence(),
                d.offeredOn(), d.givenOn(), d.adviceOffered());
        return true;
    }

    /** One entry of the project's ledger (not removed), for changing it. */
    public Reciprocity.Entry entry(Tenant tenant, UUID projectId, UUID entryId) {
        staffOnly(tenant);
        projects.project(tenant, projectId);
        return reciprocity.entry(tenant.organisationId(), projectId, entryId).orElseThrow(() -> new NotFoundException("reciprocity entry"));
    }

    /** The entry's earlier versions, newest first (who changed or removed it, and when). */
    public List<Reciprocity.Change> history(Tenant tenant, UUID projectId, UUID entryId) {
        entry(tenant, projectId, entryId);
        return reciprocity.changes(tenant.organisationId(), entryId);
    }

    /** What became of a change or removal. */
    public enum Outcome {
        /** Done, the entry as it was kept in its history. */
        DONE,
        /** Someone changed or removed it since this person's page was made: nothing changed. */
        STALE,
        /** The person is not taking part in the project: nothing changed. */
        NOT_INVOLVED
    }

    /**
     * Changes an entry seen at {@code version}: the entry as it was goes into its history with who
     * changed it and when, and the summaries follow the new figures.
     */
    @Transactional
    public Outcome change(Tenant tenant, UUID projectId, UUID entryId, int version, ReciprocityDraft d) {
        Reciprocity.Entry before = entry(tenant, projectId, entryId);
        if (!d.userId().equals(before.userId()) && !projects.project(tenant, projectId).involves(d.userId())) {
            return Outcome.NOT_INVOLVED;
        }
        if (!reciprocity.change(tenant.organisationId(), projectId, entryId, version, tenant.userId(), d.userId(), d.kind(), d.description(),
                d.amountPence(), d.offeredOn(), d.givenOn(), d.adviceOffered())) {
            return Outcome.STALE;
        }
        audit.record(tenant.organisationId(), tenant.userId(), "CHANGED", "reciprocity_entry", entryId, "version " + (version + 1));
        return Outcome.DONE;
    }

    /** Takes an entry seen at {@code version} out of the ledger and its summaries; it and its history are kept, and the removal audited. */
    @Transactional
    public Outcome remove(Tenant tenant, UUID projectId, UUID entryId, int version) {
        entry(tenant, projectId, entryId);
        if (!reciprocity.remove(tenant.organisationId(), projectId, entryId, version, tenant.userId())) {
            return Outcome.STALE;
        }
        audit.record(tenant.organisationId(), tenant.userId(), "REMOVED", "reciprocity_entry", entryId, "version " + version);
        return Outcome.DONE;
    }

    /** Records the day an entry was given; false when there is no such entry or the day is before it was offered. */
    @Transactional
    public boolean given(Tenant tenant, UUID projectId, UUID entryId, LocalDate givenOn) {
        staffOnly(tenant);
        projects.project(tenant, projectId);
        return reciprocity.given(tenant.organisationId(), projectId, entryId, givenOn);
    }

    private static void staffOnly(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new AccessDeniedException("the reciprocity ledger is for ADMINs and FACILITATORs");
        }
    }
}
