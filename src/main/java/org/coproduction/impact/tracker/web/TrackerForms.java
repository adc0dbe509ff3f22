package org.coproduction.impact.tracker.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.tracker.ProgressReport;
import org.coproduction.impact.tracker.ReportDraft;
import org.coproduction.impact.tracker.Task;
import org.coproduction.impact.tracker.TaskDraft;
import org.coproduction.impact.tracker.TaskStatus;
import org.coproduction.impact.tracker.TrackerLimits;
import org.coproduction.impact.tracker.TrackerResult;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/**
 * The tracker's forms as typed. Choices and dates arrive as text and are read here, so a value that
 * is not one of ours is a plain message beside the field, never a failed request.
 */
public final class TrackerForms {

    /** The owner choice meaning "someone else, named in the box below". */
    public static final String SOMEONE_ELSE = "someone-else";

    private TrackerForms() {}

    static @Nullable UUID uuid(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** A date typed in three boxes: empty when all are blank, invalid when it is not a real day. */
    record DateField(@Nullable LocalDate value, boolean invalid) {

        static DateField of(@Nullable String d, @Nullable String m, @Nullable String y) {
            if (blank(d) && blank(m) && blank(y)) {
                return new DateField(null, false);
            }
            try {
                int year = Integer.parseInt(y.strip());
                if (year < 2000 || year > 2100) {
                    return new DateField(null, true);
                }
                return new DateField(LocalDate.of(year, Integer.parseInt(m.strip()), Integer.parseInt(d.strip())), false);
            } catch (NumberFormatException | NullPointerException | DateTimeException e) {
                return new DateField(null, true);
            }
        }
    }

    static String day(@Nullable LocalDate d) {
        return d == null ? "" : String.valueOf(d.getDayOfMonth());
    }

    static String month(@Nullable LocalDate d) {
        return d == null ? "" : String.valueOf(d.getMonthValue());
    }

    static String year(@Nullable LocalDate d) {
        return d == null ? "" : String.valueOf(d.getYear());
    }

    static FormErrors tooLong(FormErrors errors, String field, @Nullable String value, int max) {
        return value != null && value.strip().length() > max ? errors.plus(field, Ui.t("tracker.text.too-long", max)) : errors;
    }

    static FormErrors of(TrackerResult.Refused r) {
        return FormErrors.single(r.field(), Ui.t(r.messageKey(), r.args().toArray()));
    }

    /** Ids chosen in checkboxes; null when any is not an id at all. */
    static @Nullable Set<UUID> ids(List<String> values) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String v : values) {
            UUID id = uuid(v);
            if (id == null) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    /** A task's details. */
    public record TaskForm(
            @Nullable String title,
            @Nullable String owner,
            @Nullable String ownerName,
            @Nullable String dueOnDay,
            @Nullable String dueOnMonth,
            @Nullable String dueOnYear,
            @Nullable String milestone,
            @Nullable List<String> outcomes,
            @Nullable List<String> planRows,
            @Nullable Integer version) {

        public TaskForm {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
            planRows = planRows == null ? List.of() : List.copyOf(planRows);
            // A missing version (never sent by our pages) matches no version, so the save is refused as stale.
            version = version == null ? -1 : version;
        }

        static TaskForm empty() {
            return new TaskForm("", "", "", "", "", "", null, List.of(), List.of(), 0);
        }

        static TaskForm of(Task t) {
            return new TaskForm(t.title(), t.ownerUserId() != null ? t.ownerUserId().toString() : SOMEONE_ELSE,
                    t.ownerUserId() != null ? "" : t.ownerName(), day(t.dueOn()), month(t.dueOn()), year(t.dueOn()),
                    t.milestone() ? "yes" : null, t.outcomeIds().stream().map(UUID::toString).toList(),
                    t.planRowIds().stream().map(UUID::toString).toList(), t.version());
        }

        TaskForm withVersion(int v) {
            return new TaskForm(title, owner, ownerName, dueOnDay, dueOnMonth, dueOnYear, milestone, outcomes, planRows, v);
        }

        public boolean isMilestone() {
            return "yes".equals(milestone);
        }

        record Checked(@Nullable TaskDraft draft, FormErrors errors) {}

        Checked check() {
            FormErrors e = FormErrors.none();
            if (blank(title)) {
                e = e.plus("title", Ui.t("tracker.task.title.required"));
            }
            e = tooLong(e, "title", title, TrackerLimits.TITLE);
            UUID ownerId = SOMEONE_ELSE.equals(owner) ? null : uuid(owner);
            if (!blank(owner) && !SOMEONE_ELSE.equals(owner) && ownerId == null) {
                e = e.plus("owner", Ui.t("tracker.task.owner.unknown"));
            } else if (ownerId == null && blank(ownerName)) {
                e = e.plus(SOMEONE_ELSE.equals(owner) ? "ownerName" : "owner", Ui.t("tracker.task.owner.required"));
            }
            e = tooLong(e, "ownerName", ownerName, TrackerLimits.OWNER_NAME);
            DateField due = DateField.of(dueOnDay, dueOnMonth, dueOnYear);
            if (due.invalid()) {
                e = e.plus("dueOn", Ui.t("tracker.date.invalid"));
            }
            Set<UUID> outcomeIds = ids(outcomes);
            Set<UUID> rowIds = ids(planRows);
            if (outcomeIds == null) {
                e = e.plus("outcomes", Ui.t("tracker.tags.unknown"));
            }
            if (rowIds == null) {
                e = e.plus("planRows", Ui.t("tracker.tags.unknown"));
            }
            if (e.any() || outcomeIds == null || rowIds == null) {
                return new Checked(null, e);
            }
            return new Checked(new TaskDraft(title == null ? "" : title, ownerId, ownerId == null ? ownerName : null, due.value(),
                    isMilestone(), outcomeIds, rowIds), e);
        }
    }

    /** A change of status, with the evidence that a task is done. */
    public record StatusForm(
            @Nullable String status,
            @Nullable String doneOnDay,
            @Nullable String doneOnMonth,
            @Nullable String doneOnYear,
            @Nullable String note,
            @Nullable Integer version) {

        public StatusForm {
            version = version == null ? -1 : version;
        }

        static StatusForm of(Task t, LocalDate today) {
            LocalDate on = t.doneOn() != null ? t.doneOn() : today;
            return new StatusForm(t.status().name(), day(on), month(on), year(on), t.doneNote() == null ? "" : t.doneNote(), t.version());
        }

        StatusForm withVersion(int v) {
            return new StatusForm(status, doneOnDay, doneOnMonth, doneOnYear, note, v);
        }

        @Nullable TaskStatus parsedStatus() {
            try {
                return blank(status) ? null : TaskStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        FormErrors check() {
            FormErrors e = FormErrors.none();
            TaskStatus s = parsedStatus();
            if (s == null) {
                return e.plus("status", Ui.t("tracker.status.required"));
            }
            if (s == TaskStatus.DONE) {
                DateField on = DateField.of(doneOnDay, doneOnMonth, doneOnYear);
                if (on.invalid() || on.value() == null) {
                    e = e.plus("doneOn", Ui.t(on.invalid() ? "tracker.date.invalid" : "tracker.done.date.required"));
                }
                if (blank(note)) {
                    e = e.plus("note", Ui.t("tracker.done.note.required"));
                }
            }
            return tooLong(e, "note", note, TrackerLimits.NOTE);
        }

        @Nullable LocalDate doneOn() {
            return DateField.of(doneOnDay, doneOnMonth, doneOnYear).value();
        }
    }

    /** A progress report. */
    public record ReportForm(
            @Nullable String title,
            @Nullable String periodFromDay,
            @Nullable String periodFromMonth,
            @Nullable String periodFromYear,
            @Nullable String periodToDay,
            @Nullable String periodToMonth,
            @Nullable String periodToYear,
            @Nullable String audience,
            @Nullable String challenges,
            @Nullable String risks,
            @Nullable List<String> outcomes,
            @Nullable List<String> milestones,
            @Nullable List<String> items,
            @Nullable Integer version) {

        public ReportForm {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
            items = items == null ? List.of() : List.copyOf(items);
            version = version == null ? -1 : version;
        }

        static ReportForm empty(LocalDate from, LocalDate to) {
            return new ReportForm("", day(from), month(from), year(from), day(to), month(to), year(to), ConsentUse.FUNDER_REPORTS.name(),
                    "", "", List.of(), List.of(), List.of(), 0);
        }

        static ReportForm of(ProgressReport r) {
            return new ReportForm(r.title(), day(r.periodFrom()), month(r.periodFrom()), year(r.periodFrom()), day(r.periodTo()),
                    month(r.periodTo()), year(r.periodTo()), r.audience().name(), r.challenges() == null ? "" : r.challenges(),
                    r.risks() == null ? "" : r.risks(), r.outcomeIds().stream().map(UUID::toString).toList(),
                    r.milestoneIds().stream().map(UUID::toString).toList(), r.items().stream().map(ProgressReport.ItemRef::key).toList(),
                    r.version());
        }

        ReportForm withVersion(int v) {
            return new ReportForm(title, periodFromDay, periodFromMonth, periodFromYear, periodToDay, periodToMonth, periodToYear, audience, challenges, risks, outcomes,
                    milestones, items, v);
        }

        @Nullable LocalDate from() {
            return DateField.of(periodFromDay, periodFromMonth, periodFromYear).value();
        }

        @Nullable LocalDate to() {
            return DateField.of(periodToDay, periodToMonth, periodToYear).value();
        }

        @Nullable ConsentUse parsedAudience() {
            try {
                return blank(audience) ? null : ConsentUse.valueOf(audience.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** Chosen items, each {@code source:id}; null when any is not one. */
        @Nullable List<ProgressReport.ItemRef> itemRefs() {
            List<ProgressReport.ItemRef> refs = new ArrayList<>();
            for (String v : items) {
                int colon = v.lastIndexOf(':');
                UUID id = colon < 1 ? null : uuid(v.substring(colon + 1));
                if (id == null) {
                    return null;
                }
                refs.add(new ProgressReport.ItemRef(v.substring(0, colon), id));
            }
            return refs;
        }

        record Checked(@Nullable ReportDraft draft, FormErrors errors) {}

        Checked check() {
            FormErrors e = FormErrors.none();
            if (blank(title)) {
                e = e.plus("title", Ui.t("tracker.report.title.required"));
            }
            e = tooLong(e, "title", title, TrackerLimits.TITLE);
            DateField from = DateField.of(periodFromDay, periodFromMonth, periodFromYear);
            DateField to = DateField.of(periodToDay, periodToMonth, periodToYear);
            if (from.invalid() || from.value() == null) {
                e = e.plus("periodFrom", Ui.t(from.invalid() ? "tracker.date.invalid" : "tracker.report.period.from.required"));
            }
            if (to.invalid() || to.value() == null) {
                e = e.plus("periodTo", Ui.t(to.invalid() ? "tracker.date.invalid" : "tracker.report.period.to.required"));
            }
            if (from.value() != null && to.value() != null && to.value().isBefore(from.value())) {
                e = e.plus("periodTo", Ui.t("tracker.report.period.order"));
            }
            ConsentUse use = parsedAudience();
            if (use == null) {
                e = e.plus("audience", Ui.t("tracker.report.audience.required"));
            }
            e = tooLong(e, "challenges", challenges, TrackerLimits.REPORT_TEXT);
            e = tooLong(e, "risks", risks, TrackerLimits.REPORT_TEXT);
            Set<UUID> outcomeIds = ids(outcomes);
            Set<UUID> milestoneIds = ids(milestones);
            List<ProgressReport.ItemRef> refs = itemRefs();
            if (outcomeIds == null) {
                e = e.plus("outcomes", Ui.t("tracker.tags.unknown"));
            }
            if (milestoneIds == null) {
                e = e.plus("milestones", Ui.t("tracker.report.milestones.unknown"));
            }
            if (refs == null) {
                e = e.plus("items", Ui.t("tracker.report.items.unknown"));
            }
            if (e.any() || from.value() == null || to.value() == null || use == null || outcomeIds == null || milestoneIds == null
                    || refs == null) {
                return new Checked(null, e);
            }
            return new Checked(new ReportDraft(title == null ? "" : title, from.value(), to.value(), use, challenges, risks, outcomeIds,
                    List.copyOf(milestoneIds), refs), e);
        }
    }
}
