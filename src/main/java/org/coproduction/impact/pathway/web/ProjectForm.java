package org.coproduction.impact.pathway.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.OwnWords;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/** The project form as typed: dates in three boxes each, people as checkbox values. */
public record ProjectForm(
        @Nullable String name,
        @Nullable String summary,
        @Nullable String startsOnDay,
        @Nullable String startsOnMonth,
        @Nullable String startsOnYear,
        @Nullable String endsOnDay,
        @Nullable String endsOnMonth,
        @Nullable String endsOnYear,
        @Nullable String groupsInvolved,
        @Nullable String facilitatorId,
        @Nullable List<String> members,
        @Nullable Boolean commentsOpen,
        @Nullable Integer version,
        @Nullable String nameCy,
        @Nullable String summaryCy) {

    public ProjectForm {
        members = members == null ? List.of() : List.copyOf(members);
        // An unticked checkbox sends nothing; a missing version matches no version (a stale edit).
        commentsOpen = Boolean.TRUE.equals(commentsOpen);
        version = PathwayForms.versionOrNone(version);
    }

    static ProjectForm empty(UUID facilitator) {
        return new ProjectForm("", "", null, null, null, null, null, null, "", facilitator.toString(), List.of(), false, 0, "", "");
    }

    static ProjectForm of(Project p) {
        return new ProjectForm(p.words().name(), p.words().summary(),
                day(p.startsOn()), month(p.startsOn()), year(p.startsOn()),
                day(p.endsOn()), month(p.endsOn()), year(p.endsOn()),
                p.groupsInvolved(), p.facilitatorId() == null ? null : p.facilitatorId().toString(),
                p.members().stream().map(m -> m.userId().toString()).toList(), p.commentsOpen(), p.version(),
                p.words().nameCy(), p.words().summaryCy());
    }

    /** Checks the form; on success {@code details} is set, otherwise {@code errors} says what to fix. */
    Checked check(List<UUID> allowedPeople) {
        FormErrors errors = FormErrors.none();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            errors = errors.plus("name", Ui.t("project.name.required"));
        } else if (n.length() > 200) {
            errors = errors.plus("name", Ui.t("project.name.too-long"));
        }
        if (summary != null && summary.length() > 2000) {
            errors = errors.plus("summary", Ui.t("project.summary.too-long"));
        }
        if (nameCy != null && nameCy.strip().length() > 200) {
            errors = errors.plus("nameCy", Ui.t("project.name-cy.too-long", OwnWords.inSecond()));
        }
        if (summaryCy != null && summaryCy.length() > 2000) {
            errors = errors.plus("summaryCy", Ui.t("project.summary-cy.too-long", OwnWords.inSecond()));
        }
        if (groupsInvolved != null && groupsInvolved.length() > 1000) {
            errors = errors.plus("groupsInvolved", Ui.t("project.groups.too-long"));
        }
        DateField starts = date(startsOnDay, startsOnMonth, startsOnYear);
        DateField ends = date(endsOnDay, endsOnMonth, endsOnYear);
        if (starts.invalid()) {
            errors = errors.plus("startsOn", Ui.t("project.date.invalid", Ui.t("project.starts")));
        }
        if (ends.invalid()) {
            errors = errors.plus("endsOn", Ui.t("project.date.invalid", Ui.t("project.ends")));
        }
        if (!starts.invalid() && !ends.invalid() && starts.value() != null && ends.value() != null && ends.value().isBefore(starts.value())) {
            errors = errors.plus("endsOn", Ui.t("project.date.ends-before-starts"));
        }
        UUID facilitator = uuid(facilitatorId);
        if (facilitatorId != null && !facilitatorId.isBlank() && (facilitator == null || !allowedPeople.contains(facilitator))) {
            errors = errors.plus("facilitatorId", Ui.t("project.facilitator.unknown"));
        }
        List<UUID> people = members.stream().map(ProjectForm::uuid).toList();
        if (people.stream().anyMatch(p -> p == null || !allowedPeople.contains(p))) {
            errors = errors.plus("members", Ui.t("project.members.unknown"));
        }
        if (errors.any()) {
            return new Checked(null, errors);
        }
        return new Checked(new ProjectService.ProjectDetails(n, summary, starts.value(), ends.value(), groupsInvolved, facilitator,
                commentsOpen, people, nameCy, summaryCy), errors);
    }

    record Checked(ProjectService.@Nullable ProjectDetails details, FormErrors errors) {}

    private record DateField(@Nullable LocalDate value, boolean invalid) {}

    private static DateField date(@Nullable String d, @Nullable String m, @Nullable String y) {
        boolean allBlank = blank(d) && blank(m) && blank(y);
        if (allBlank) {
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

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    static @Nullable UUID uuid(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String day(@Nullable LocalDate d) {
        return d == null ? null : String.valueOf(d.getDayOfMonth());
    }

    private static @Nullable String month(@Nullable LocalDate d) {
        return d == null ? null : String.valueOf(d.getMonthValue());
    }

    private static @Nullable String year(@Nullable LocalDate d) {
        return d == null ? null : String.valueOf(d.getYear());
    }
}
