package org.coproduction.impact.record;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.media.MediaFile;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.StoreResult;
import org.coproduction.impact.pathway.Activity;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Records and reads a project's activities, people's voices and case studies. Facilitators and admins
 * record and see everything; a member of the project sees what is published and what they added
 * themselves, and may add their own comments and diary entries when the facilitator allows it; a
 * viewer sees only published items, and only those consented for reports to funders. Every change is
 * audited; removing archives.
 */
@Service
public class RecordService {

    /** Consent dates and "today" are UK dates, whatever the server's zone. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    private final ProjectService projects;
    private final PathwayService pathways;
    private final PlanService plans;
    private final MediaService media;
    private final RecordRepository records;
    private final AuditLog audit;

    RecordService(ProjectService projects, PathwayService pathways, PlanService plans, MediaService media, RecordRepository records,
            AuditLog audit) {
        this.projects = projects;
        this.pathways = pathways;
        this.plans = plans;
        this.media = media;
        this.records = records;
        this.audit = audit;
    }

    /** The source name of recorded items among the project's evidence ({@code EvidenceItem.source()}). */
    static final String EVIDENCE_SOURCE = "record";

    public static String base(UUID projectId) {
        return "/projects/" + projectId + "/recorded";
    }

    public static String href(UUID projectId, UUID itemId) {
        return base(projectId) + "/items/" + itemId;
    }

    public static LocalDate today() {
        return LocalDate.now(UK);
    }

    // Reading

    /** The project's items this person may see (otherwise "not found" for the project). */
    @Transactional
    public ProjectRecords records(Tenant tenant, UUID projectId) {
        Project project = projects.project(tenant, projectId);
        Pathway pathway = pathways.pathway(tenant, projectId);
        List<RecordedItem> items = records.items(tenant.organisationId(), projectId).stream().filter(i -> visible(tenant, i)).toList();
        return new ProjectRecords(project, pathway, plans.plan(tenant, projectId).rows(), items,
                records.membersMayAdd(tenant.organisationId(), projectId), records.themesInUse(tenant.organisationId()));
    }

    /** One item, if this person may see it; removed items only for facilitators. */
    @Transactional
    public RecordedItem item(Tenant tenant, UUID projectId, UUID itemId) {
        projects.project(tenant, projectId);
        return records.item(tenant.organisationId(), projectId, itemId)
                .filter(i -> visible(tenant, i))
                .orElseThrow(() -> new NotFoundException("recorded item"));
    }

    private static boolean visible(Tenant tenant, RecordedItem item) {
        if (tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            return true;
        }
        if (tenant.is(Role.MEMBER)) {
            return !item.archived() && (item.published() || tenant.userId().value().equals(item.createdBy()));
        }
        return false;
    }

    /**
     * Published items of every project, as partners and funders read them: only items that show no one
     * or have consent in force for reports to funders, so a withdrawal hides an item at once.
     */
    @Transactional
    public List<PublishedItem> published(Tenant tenant) {
        LocalDate today = today();
        Map<UUID, String> names = records.projectNames(tenant.organisationId());
        return records.published(tenant.organisationId()).stream()
                .filter(i -> asEvidence(i, today).mayBeUsedFor(ConsentUse.FUNDER_REPORTS))
                .map(i -> new PublishedItem(names.getOrDefault(i.projectId(), ""), i, files(tenant, i)))
                .toList();
    }

    /** The item as coverage and reports see it, with the uses consent allows on {@code today}. */
    public EvidenceItem asEvidence(RecordedItem item, LocalDate today) {
        return new EvidenceItem(EVIDENCE_SOURCE, item.id(), item.kind().type(), item.kind().messageKey(), item.title(), item.happenedOn(),
                item.outcomeIds(), item.planRowIds(), item.showsAPerson(), item.consentedUses(today), href(item.projectId(), item.id()));
    }

    /** Every current item of the project, for {@link org.coproduction.impact.evidence.CollectedEvidence}. */
    @Transactional
    public List<EvidenceItem> evidence(OrganisationId organisation, UUID projectId) {
        LocalDate today = today();
        return records.items(organisation, projectId).stream().filter(i -> !i.archived()).map(i -> asEvidence(i, today)).toList();
    }

    /** The same for several projects, read together, by project. */
    @Transactional
    public Map<UUID, List<EvidenceItem>> evidence(OrganisationId organisation, Collection<UUID> projectIds) {
        LocalDate today = today();
        List<EvidenceItem> items = new ArrayList<>();
        Map<UUID, UUID> projectOf = new HashMap<>();
        for (RecordedItem i : records.items(organisation, projectIds)) {
            if (!i.archived()) {
                items.add(asEvidence(i, today));
                projectOf.put(i.id(), i.projectId());
            }
        }
        return CollectedEvidence.byProject(projectIds, items, e -> projectOf.get(e.id()));
    }

    @Transactional
    public List<Reach.Row> reach(Tenant tenant, UUID projectId, Reach.Period period) {
        requireEditor(tenant);
        projects.project(tenant, projectId);
        return Reach.of(records.items(tenant.organisationId(), projectId), period);
    }

    /** The project's themes with how many current items carry each, most used first. */
    @Transactional
    public List<ThemeCount> themes(Tenant tenant, UUID projectId) {
        requireEditor(tenant);
        projects.project(tenant, projectId);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RecordedItem i : records.items(tenant.organisationId(), projectId)) {
            if (!i.archived()) {
                i.themes().forEach(t -> counts.merge(t, 1, Integer::sum));
            }
        }
        return counts.entrySet().stream()
                .map(e -> new ThemeCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ThemeCount::count).reversed().thenComparing(ThemeCount::theme))
                .toList();
    }

    // Recording

    @Transactional
    public RecordEdit add(Tenant tenant, UUID projectId, ItemDraft given) {
        return add(tenant, projectId, given, List.of());
    }

    /**
     * Records an item with its files (minutes, materials, photos). A file the media module refuses
     * (wrong type, too big) refuses the whole save: nothing is kept.
     */
    @Transactional
    public RecordEdit add(Tenant tenant, UUID projectId, ItemDraft given, List<Upload> uploads) {
        requireEditor(tenant);
        ProjectRecords context = records(tenant, projectId);
        ItemDraft draft = given.title().isBlank() && given.kind().isVoice() && given.body() != null
                ? given.withTitle(firstWords(given.body()))
                : given;
        RecordEdit.Refused refused = check(context, draft, null);
        if (refused != null) {
            return refused;
        }
        ItemDraft clean = clean(draft);
        UUID id = records.add(tenant.organisationId(), projectId, clean, false, tenant.userId());
        records.setTags(tenant.organisationId(), id, clean.outcomeIds(), clean.planRowIds(), clean.themes());
        RecordEdit.Refused file = attachAll(tenant, projectId, id, uploads);
        if (file != null) {
            return file;
        }
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "record_item", id, clean.kind().name() + ": " + clean.title());
        return new RecordEdit.Saved(id);
    }

    /**
     * A member adds their own comment or diary entry, in their own name, when the facilitator allows it.
     * Consent comes with it: the uses the member ticked (none ticked: no use at all until they agree).
     */
    @Transactional
    public RecordEdit addOwn(Tenant tenant, UUID projectId, RecordKind kind, String words, Set<ConsentUse> uses) {
        return addOwn(tenant, projectId, kind, words, uses, null);
    }

    /** As {@link #addOwn(Tenant, UUID, RecordKind, String, Set)}, with a photo (required for a photo, refused for the others). */
    @Transactional
    public RecordEdit addOwn(Tenant tenant, UUID projectId, RecordKind kind, String words, Set<ConsentUse> uses, @Nullable Upload photo) {
        Project project = projects.project(tenant, projectId);
        if (!mayAddOwn(tenant, project)) {
            return refused("words", "record.own.not-allowed");
        }
        if (!RecordKind.MEMBERS_OWN.contains(kind)) {
            return refused("kind", "record.own.kind.required");
        }
        String text = words.strip();
        boolean hasPhoto = photo != null && !photo.isEmpty();
        if (kind == RecordKind.PHOTO && !hasPhoto) {
            return refused("photo", "record.own.photo.required");
        }
        if (kind != RecordKind.PHOTO && text.isEmpty()) {
            return refused("words", "record.own.words.required");
        }
        String name = project.members().stream().filter(m -> m.userId().equals(tenant.userId().value())).map(Project.Member::name)
                .findFirst().orElse(project.facilitatorName() == null ? "" : project.facilitatorName());
        String title = text.isEmpty() ? photo.filename() : firstWords(text);
        ItemDraft draft = ItemDraft.voice(kind, title.isBlank() ? kind.name() : title, today(), null, text.isEmpty() ? null : text,
                Speaker.MEMBER, tenant.userId().value(), null, List.of(), List.of(), List.of());
        UUID id = records.add(tenant.organisationId(), projectId, draft, true, tenant.userId());
        RecordEdit.Refused file = attachAll(tenant, projectId, id, hasPhoto && kind == RecordKind.PHOTO ? List.of(photo) : List.of());
        if (file != null) {
            return new RecordEdit.Refused("photo", file.messageKey(), file.args());
        }
        if (!uses.isEmpty() && !name.isBlank()) {
            records.addConsent(tenant.organisationId(), id, new ConsentDraft(name, ConsentHow.EASY_READ, uses, null), tenant.userId());
        }
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "record_item", id, kind.name() + " (own): " + draft.title());
        return new RecordEdit.Saved(id);
    }

    /** Adds a file (minutes, materials, a photo) to an item; refused with a plain reason when the file is not allowed. */
    @Transactional
    public RecordEdit attach(Tenant tenant, UUID projectId, UUID itemId, Upload upload) {
        requireEditor(tenant);
        RecordedItem item = current(records(tenant, projectId), itemId);
        RecordEdit.Refused refused = attachAll(tenant, projectId, itemId, List.of(upload));
        if (refused != null) {
            return refused;
        }
        if (item.published()) {
            records.item(tenant.organisationId(), projectId, itemId).orElseThrow().mediaIds().forEach(m -> media.setPublished(tenant, m, true));
        }
        return new RecordEdit.Saved(itemId);
    }

    /** Stores each upload and links it; on the first refusal, everything in this transaction is undone. */
    private RecordEdit.@Nullable Refused attachAll(Tenant tenant, UUID projectId, UUID itemId, List<Upload> uploads) {
        for (Upload upload : uploads) {
            if (upload.isEmpty()) {
                continue;
            }
            StoreResult stored = media.store(tenant, projectId, upload.filename(), upload.bytes());
            switch (stored) {
                case StoreResult.Refused r -> {
                    TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                    return refused("file", r.messageKey());
                }
                case StoreResult.Stored s -> {
                    records.attach(tenant.organisationId(), itemId, s.file().id());
                    audit.record(tenant.organisationId(), tenant.userId(), "ATTACHED", "record_item", itemId, s.file().filename());
                }
            }
        }
        return null;
    }

    /** The item's files this person may see, in the order they were added. */
    public List<MediaFile> files(Tenant tenant, RecordedItem item) {
        return item.mediaIds().isEmpty() ? List.of() : media.files(tenant, item.mediaIds());
    }

    /** Whether this person may add their own comments and diary entries to the project now. */
    public boolean mayAddOwn(Tenant tenant, Project project) {
        return tenant.is(Role.MEMBER) && project.involves(tenant.userId().value())
                && records.membersMayAdd(tenant.organisationId(), project.id());
    }

    @Transactional
    public void setMembersMayAdd(Tenant tenant, UUID projectId, boolean allowed) {
        requireEditor(tenant);
        projects.project(tenant, projectId);
        records.setMembersMayAdd(tenant.organisationId(), projectId, allowed, tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), allowed ? "ALLOWED" : "DISALLOWED", "record_members_may_add", projectId, null);
    }

    /**
     * Changes what was recorded, and its tags. The item as it was is kept first. A voice may become another
     * kind of voice; an activity stays an activity and a case study a case study. People and pathway
     * activities already on the item may stay even if they have since left the project or the pathway.
     */
    @Transactional
    public RecordEdit update(Tenant tenant, UUID projectId, UUID itemId, int version, ItemDraft given) {
        requireEditor(tenant);
        ProjectRecords context = records(tenant, projectId);
        RecordedItem item = current(context, itemId);
        boolean sameKind = given.kind() == item.kind() || (given.kind().isVoice() && item.kind().isVoice());
        if (!sameKind) {
            return refused("kind", "record.kind.required");
        }
        ItemDraft draft = given.title().isBlank() && given.kind().isVoice() && given.body() != null
                ? given.withTitle(firstWords(given.body()))
                : given;
        RecordEdit.Refused refused = check(context, draft, item);
        if (refused != null) {
            return refused;
        }
        if (item.version() != version) {
            return new RecordEdit.Stale();
        }
        ItemDraft clean = clean(draft);
        records.keepBefore(tenant.organisationId(), item, tenant.userId());
        if (!records.update(tenant.organisationId(), projectId, itemId, version, clean, tenant.userId())) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new RecordEdit.Stale();
        }
        records.setTags(tenant.organisationId(), itemId, clean.outcomeIds(), clean.planRowIds(), clean.themes());
        audit.record(tenant.organisationId(), tenant.userId(), "UPDATED", "record_item", itemId, clean.kind().name() + ": " + clean.title());
        return new RecordEdit.Saved(itemId);
    }

    /** The item's kept changes, newest first: who changed it, when, and what it said before. */
    @Transactional
    public List<ItemChange> changes(Tenant tenant, UUID projectId, UUID itemId) {
        requireEditor(tenant);
        item(tenant, projectId, itemId);
        return records.changes(tenant.organisationId(), itemId);
    }

    @Transactional
    public RecordEdit retag(Tenant tenant, UUID projectId, UUID itemId, int version, List<UUID> outcomeIds, List<UUID> planRowIds,
            List<String> themes) {
        requireEditor(tenant);
        ProjectRecords context = records(tenant, projectId);
        RecordedItem item = current(context, itemId);
        RecordEdit.Refused refused = checkTags(context, outcomeIds, planRowIds, themes, item);
        if (refused != null) {
            return refused;
        }
        if (!records.touch(tenant.organisationId(), projectId, itemId, version, tenant.userId())) {
            return new RecordEdit.Stale();
        }
        records.setTags(tenant.organisationId(), itemId, distinct(outcomeIds), distinct(planRowIds), cleanThemes(themes));
        audit.record(tenant.organisationId(), tenant.userId(), "TAGGED", "record_item", itemId, item.title());
        return new RecordEdit.Saved(itemId);
    }

    /**
     * Publishes the item to viewers (and every member of the project), or takes it back. An item that
     * shows a person may be published only with their consent in force for reports to funders.
     */
    @Transactional
    public RecordEdit publish(Tenant tenant, UUID projectId, UUID itemId, int version, boolean published) {
        requireEditor(tenant);
        RecordedItem item = current(records(tenant, projectId), itemId);
        if (published && !asEvidence(item, today()).mayBeUsedFor(ConsentUse.FUNDER_REPORTS)) {
            return refused("publish", "record.publish.needs-consent");
        }
        if (item.version() != version
                || !records.setPublished(tenant.organisationId(), projectId, itemId, version, published, tenant.userId())) {
            return new RecordEdit.Stale();
        }
        item.mediaIds().forEach(m -> media.setPublished(tenant, m, published));
        audit.record(tenant.organisationId(), tenant.userId(), published ? "PUBLISHED" : "UNPUBLISHED", "record_item", itemId, item.title());
        return new RecordEdit.Saved(itemId);
    }

    /** Removes the item by archiving it: it leaves every list, report and coverage figure, and its history stays. */
    @Transactional
    public RecordEdit remove(Tenant tenant, UUID projectId, UUID itemId, int version) {
        requireEditor(tenant);
        RecordedItem item = current(records(tenant, projectId), itemId);
        if (item.version() != version || !records.archive(tenant.organisationId(), projectId, itemId, version, tenant.userId())) {
            return new RecordEdit.Stale();
        }
        if (item.published()) {
            item.mediaIds().forEach(m -> media.setPublished(tenant, m, false));
        }
        audit.record(tenant.organisationId(), tenant.userId(), "ARCHIVED", "record_item", itemId, item.title());
        return new RecordEdit.Saved(itemId);
    }

    @Transactional
    public RecordEdit addConsent(Tenant tenant, UUID projectId, UUID itemId, ConsentDraft draft) {
        requireEditor(tenant);
        RecordedItem item = current(records(tenant, projectId), itemId);
        if (draft.givenBy().isBlank() || draft.givenBy().strip().length() > RecordLimits.NAME) {
            return refused("givenBy", "record.consent.given-by.required");
        }
        if (draft.uses().isEmpty()) {
            return refused("uses", "record.consent.uses.required");
        }
        if (draft.validUntil() != null && draft.validUntil().isBefore(today())) {
            return refused("validUntil", "record.consent.until.past");
        }
        UUID id = records.addConsent(tenant.organisationId(), itemId,
                new ConsentDraft(draft.givenBy().strip(), draft.how(), draft.uses(), draft.validUntil()), tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "CONSENT_GIVEN", "record_consent", id,
                item.title() + ": " + draft.uses().stream().map(Enum::name).sorted().toList());
        return new RecordEdit.Saved(id);
    }

    /**
     * Withdraws consent at once: the item leaves every use the consent allowed, and if it was published
     * but may no longer go to funders, it is taken back from viewers too. The consent stays in the history.
     */
    @Transactional
    public RecordEdit withdrawConsent(Tenant tenant, UUID projectId, UUID itemId, UUID consentId) {
        requireEditor(tenant);
        RecordedItem item = current(records(tenant, projectId), itemId);
        if (item.consents().stream().noneMatch(c -> c.id().equals(consentId))) {
            throw new NotFoundException("consent");
        }
        if (!records.withdrawConsent(tenant.organisationId(), itemId, consentId, tenant.userId())) {
            return new RecordEdit.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "CONSENT_WITHDRAWN", "record_consent", consentId, item.title());
        RecordedItem after = records.item(tenant.organisationId(), projectId, itemId).orElseThrow();
        if (after.published() && !asEvidence(after, today()).mayBeUsedFor(ConsentUse.FUNDER_REPORTS)) {
            records.setPublished(tenant.organisationId(), projectId, itemId, after.version(), false, tenant.userId());
            after.mediaIds().forEach(m -> media.setPublished(tenant, m, false));
            audit.record(tenant.organisationId(), tenant.userId(), "UNPUBLISHED", "record_item", itemId, item.title());
        }
        return new RecordEdit.Saved(consentId);
    }

    // A member's own entries: they change their words, take an entry away, or change who may see it

    /**
     * Whether the item is one this person added themselves and may still change: a member's own
     * current comment, diary entry or photo, in their own name. Anything else is "not found" to them.
     */
    public static boolean isOwn(Tenant tenant, RecordedItem item) {
        UUID me = tenant.userId().value();
        return tenant.is(Role.MEMBER) && item.contributedByMember() && !item.archived() && item.speaker() == Speaker.MEMBER
                && me.equals(item.createdBy()) && me.equals(item.speakerUserId()) && RecordKind.MEMBERS_OWN.contains(item.kind());
    }

    /** What this member added themselves to the project and may still change, newest first. */
    @Transactional
    public List<RecordedItem> ownEntries(Tenant tenant, UUID projectId) {
        projects.project(tenant, projectId);
        return records.items(tenant.organisationId(), projectId).stream().filter(i -> isOwn(tenant, i)).toList();
    }

    /** One of this member's own current entries; anyone else's, or a removed one, is "not found". */
    @Transactional
    public RecordedItem ownEntry(Tenant tenant, UUID projectId, UUID itemId) {
        projects.project(tenant, projectId);
        return records.item(tenant.organisationId(), projectId, itemId)
                .filter(i -> isOwn(tenant, i))
                .orElseThrow(() -> new NotFoundException("own entry"));
    }

    /**
     * The member changes the words of their own entry (a photo's words too). The entry as it was is
     * kept first. If a facilitator had shared it, it is taken back from sharing (its files too), so a
     * facilitator looks at the new words before it is shared again.
     */
    @Transactional
    public RecordEdit changeOwnWords(Tenant tenant, UUID projectId, UUID itemId, int version, String words) {
        RecordedItem item = ownEntry(tenant, projectId, itemId);
        String text = words.strip();
        if (text.isEmpty()) {
            return refused("words", "record.own.words.required");
        }
        if (text.length() > RecordLimits.BODY) {
            return refused("words", "record.text.too-long", RecordLimits.BODY);
        }
        if (item.version() != version) {
            return new RecordEdit.Stale();
        }
        ItemDraft draft = ItemDraft.voice(item.kind(), firstWords(text), item.happenedOn(), item.setting(), text, Speaker.MEMBER,
                item.speakerUserId(), null, List.copyOf(item.outcomeIds()), List.copyOf(item.planRowIds()), item.themes());
        records.keepBefore(tenant.organisationId(), item, tenant.userId());
        if (!records.update(tenant.organisationId(), projectId, itemId, version, draft, tenant.userId())) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new RecordEdit.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "UPDATED", "record_item", itemId, item.kind().name() + " (own): " + draft.title());
        if (item.published()) {
            unshare(tenant, projectId, itemId, version + 1, item, draft.title());
        }
        return new RecordEdit.Saved(itemId);
    }

    /**
     * The member takes their own entry away: archived exactly as {@link #remove} does, so it leaves every
     * list, report and coverage figure, and facilitators still see it and its history.
     */
    @Transactional
    public RecordEdit takeAwayOwn(Tenant tenant, UUID projectId, UUID itemId, int version) {
        RecordedItem item = ownEntry(tenant, projectId, itemId);
        if (item.version() != version || !records.archive(tenant.organisationId(), projectId, itemId, version, tenant.userId())) {
            return new RecordEdit.Stale();
        }
        if (item.published()) {
            item.mediaIds().forEach(m -> media.setPublished(tenant, m, false));
        }
        audit.record(tenant.organisationId(), tenant.userId(), "ARCHIVED", "record_item", itemId, item.title() + " (by the member)");
        return new RecordEdit.Saved(itemId);
    }

    /**
     * The member changes who may see their own entry: their consent in force is withdrawn (it stays in
     * the history) and the new choice is recorded as consent given on an easy-read form. Choosing no
     * use at all only withdraws. If the entry was shared and may no longer go to funders, it is taken
     * back from sharing.
     */
    @Transactional
    public RecordEdit changeOwnConsent(Tenant tenant, UUID projectId, UUID itemId, int version, Set<ConsentUse> uses) {
        RecordedItem item = ownEntry(tenant, projectId, itemId);
        if (item.version() != version || !records.touch(tenant.organisationId(), projectId, itemId, version, tenant.userId())) {
            return new RecordEdit.Stale();
        }
        String name = item.speakerName() == null ? "" : item.speakerName();
        for (UUID consent : records.ownConsents(tenant.organisationId(), itemId, tenant.userId(), name)) {
            records.withdrawConsent(tenant.organisationId(), itemId, consent, tenant.userId());
            audit.record(tenant.organisationId(), tenant.userId(), "CONSENT_WITHDRAWN", "record_consent", consent, item.title() + " (by the member)");
        }
        if (!uses.isEmpty() && !name.isBlank()) {
            UUID id = records.addConsent(tenant.organisationId(), itemId, new ConsentDraft(name, ConsentHow.EASY_READ, uses, null), tenant.userId());
            audit.record(tenant.organisationId(), tenant.userId(), "CONSENT_GIVEN", "record_consent", id,
                    item.title() + " (by the member): " + uses.stream().map(Enum::name).sorted().toList());
        }
        RecordedItem after = records.item(tenant.organisationId(), projectId, itemId).orElseThrow();
        if (after.published() && !asEvidence(after, today()).mayBeUsedFor(ConsentUse.FUNDER_REPORTS)) {
            unshare(tenant, projectId, itemId, after.version(), after, after.title());
        }
        return new RecordEdit.Saved(itemId);
    }

    /** Takes an item back from sharing, its files too, as {@code publish(..., false)} does. */
    private void unshare(Tenant tenant, UUID projectId, UUID itemId, int version, RecordedItem item, String title) {
        records.setPublished(tenant.organisationId(), projectId, itemId, version, false, tenant.userId());
        item.mediaIds().forEach(m -> media.setPublished(tenant, m, false));
        audit.record(tenant.organisationId(), tenant.userId(), "UNPUBLISHED", "record_item", itemId, title);
    }

    // Checks

    private static RecordEdit.@Nullable Refused check(ProjectRecords context, ItemDraft d, @Nullable RecordedItem existing) {
        if (d.title().isBlank() || d.title().strip().length() > RecordLimits.TITLE) {
            return refused("title", "record.title.required");
        }
        if (d.kind() == RecordKind.ACTIVITY) {
            if (d.othersCount() < 0 || d.othersCount() > RecordLimits.MAX_OTHERS) {
                return refused("othersCount", "record.activity.others.invalid", RecordLimits.MAX_OTHERS);
            }
            Set<UUID> people = new java.util.HashSet<>(context.people().stream().map(Project.Member::userId).toList());
            if (existing != null) {
                existing.attendees().forEach(a -> people.add(a.userId()));
            }
            if (!people.containsAll(d.attendeeIds())) {
                return refused("attendees", "record.activity.attendees.unknown");
            }
            boolean keptActivity = existing != null && d.pathwayActivityId() != null && d.pathwayActivityId().equals(existing.pathwayActivityId());
            if (d.pathwayActivityId() != null && !keptActivity && context.pathway().currentActivities().stream().map(Activity::id)
                    .noneMatch(d.pathwayActivityId()::equals)) {
                return refused("pathwayActivity", "record.activity.pathway.unknown");
            }
        } else {
            if (d.speaker() == null) {
                return refused("speaker", "record.speaker.required");
            }
            boolean keptSpeaker = existing != null && d.speakerUserId() != null && d.speakerUserId().equals(existing.speakerUserId());
            if (d.speaker() == Speaker.MEMBER && (d.speakerUserId() == null
                    || (!keptSpeaker && context.people().stream().noneMatch(p -> p.userId().equals(d.speakerUserId()))))) {
                return refused("speakerUser", "record.speaker.member.required");
            }
            if (d.speaker() == Speaker.NAMED && (d.speakerName() == null || d.speakerName().isBlank())) {
                return refused("speakerName", "record.speaker.name.required");
            }
        }
        return checkTags(context, d.outcomeIds(), d.planRowIds(), d.themes(), existing);
    }

    private static RecordEdit.@Nullable Refused checkTags(ProjectRecords context, List<UUID> outcomeIds, List<UUID> planRowIds,
            List<String> themes, @Nullable RecordedItem item) {
        for (UUID o : outcomeIds) {
            boolean current = context.pathway().outcome(o).filter(x -> !x.archived()).isPresent();
            if (!current && (item == null || !item.outcomeIds().contains(o))) {
                return refused("outcomes", "record.tags.outcome.unknown");
            }
        }
        for (UUID r : planRowIds) {
            boolean current = context.planRow(r).filter(x -> !x.archived()).isPresent();
            if (!current && (item == null || !item.planRowIds().contains(r))) {
                return refused("planRows", "record.tags.plan-row.unknown");
            }
        }
        List<String> clean = cleanThemes(themes);
        if (clean.size() > RecordLimits.MAX_THEMES_PER_ITEM) {
            return refused("themes", "record.themes.too-many", RecordLimits.MAX_THEMES_PER_ITEM);
        }
        if (clean.stream().anyMatch(t -> t.length() > RecordLimits.THEME)) {
            return refused("themes", "record.themes.too-long", RecordLimits.THEME);
        }
        return null;
    }

    /** Themes in lower case, single-spaced, each once: "Transport " and "transport" are one theme. */
    public static List<String> cleanThemes(List<String> themes) {
        return themes.stream()
                .map(t -> t.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }

    private static ItemDraft clean(ItemDraft d) {
        String speakerName = d.speaker() == Speaker.NAMED ? blankToNull(d.speakerName()) : null;
        return new ItemDraft(d.kind(), d.title().strip(), d.happenedOn(), blankToNull(d.setting()), blankToNull(d.body()), d.activityKind(),
                blankToNull(d.facilitatedBy()), d.othersCount(), d.pathwayActivityId(), distinct(d.attendeeIds()), d.speaker(),
                d.speaker() == Speaker.MEMBER ? d.speakerUserId() : null, speakerName, blankToNull(d.situation()),
                blankToNull(d.whatHappened()), blankToNull(d.whatChanged()), blankToNull(d.ownWords()), distinct(d.outcomeIds()),
                distinct(d.planRowIds()), cleanThemes(d.themes()));
    }

    private static <T> List<T> distinct(List<T> values) {
        return values.stream().distinct().toList();
    }

    /** A title from the first words of what someone wrote: up to 60 characters, cut at a space. */
    public static String firstWords(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.length() <= 60) {
            return oneLine;
        }
        int cut = oneLine.lastIndexOf(' ', 60);
        return (cut > 20 ? oneLine.substring(0, cut) : oneLine.substring(0, 60)) + "…";
    }

    private static RecordedItem current(ProjectRecords context, UUID itemId) {
        return context.item(itemId).filter(i -> !i.archived()).orElseThrow(() -> new NotFoundException("recorded item"));
    }

    static void requireEditor(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("recorded evidence");
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static RecordEdit.Refused refused(String field, String key, Object... args) {
        return new RecordEdit.Refused(field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The uses as a set, for callers holding a list of ticked boxes. */
    public static Set<ConsentUse> uses(List<ConsentUse> ticked) {
        return ticked.isEmpty() ? Set.of() : EnumSet.copyOf(ticked);
    }
}
