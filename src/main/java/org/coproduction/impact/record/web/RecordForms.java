package org.coproduction.impact.record.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.record.ConsentDraft;
import org.coproduction.impact.record.ConsentHow;
import org.coproduction.impact.record.ItemDraft;
import org.coproduction.impact.record.RecordKind;
import org.coproduction.impact.record.RecordLimits;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.RecordedItem;
import org.coproduction.impact.record.Speaker;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/**
 * The recording forms as typed. Choices and numbers arrive as text and are read here, so a value
 * that is not one of ours is a plain message beside the field, never a failed request.
 */
public final class RecordForms {

    private RecordForms() {}

    static @Nullable UUID uuid(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<UUID> uuids(List<String> values) {
        List<UUID> ids = new ArrayList<>();
        for (String v : values) {
            UUID id = uuid(v);
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    static FormErrors required(FormErrors errors, String field, @Nullable String value, int max, String requiredKey) {
        if (blank(value)) {
            return errors.plus(field, Ui.t(requiredKey));
        }
        return tooLong(errors, field, value, max);
    }

    static FormErrors tooLong(FormErrors errors, String field, @Nullable String value, int max) {
        return value != null && value.strip().length() > max ? errors.plus(field, Ui.t("record.text.too-long", max)) : errors;
    }

    /** A date typed in GOV.UK's three boxes; null when it is not a real date. */
    static @Nullable LocalDate date(@Nullable String day, @Nullable String month, @Nullable String year) {
        try {
            if (blank(day) || blank(month) || blank(year)) {
                return null;
            }
            return LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** Themes ticked from the list plus new ones typed in, separated by commas. */
    static List<String> allThemes(List<String> ticked, @Nullable String typed) {
        List<String> all = new ArrayList<>(ticked);
        if (typed != null) {
            for (String t : typed.split(",")) {
                all.add(t);
            }
        }
        return RecordService.cleanThemes(all);
    }

    static FormErrors checkThemes(FormErrors e, List<String> themes) {
        if (themes.size() > RecordLimits.MAX_THEMES_PER_ITEM) {
            return e.plus("newThemes", Ui.t("record.themes.too-many", RecordLimits.MAX_THEMES_PER_ITEM));
        }
        if (themes.stream().anyMatch(t -> t.length() > RecordLimits.THEME)) {
            return e.plus("newThemes", Ui.t("record.themes.too-long", RecordLimits.THEME));
        }
        return e;
    }

    /**
     * An activity, a people's-voices item or a case study: one form record, each page showing the
     * fields its kind has.
     */
    public record ItemForm(
            @Nullable String kind,
            @Nullable String title,
            @Nullable String onDay,
            @Nullable String onMonth,
            @Nullable String onYear,
            @Nullable String setting,
            @Nullable String words,
            @Nullable String activityKind,
            @Nullable String facilitatedBy,
            @Nullable List<String> attendees,
            @Nullable String othersCount,
            @Nullable String pathwayActivity,
            @Nullable String speaker,
            @Nullable String speakerUser,
            @Nullable String speakerName,
            @Nullable String situation,
            @Nullable String whatHappened,
            @Nullable String whatChanged,
            @Nullable String ownWords,
            @Nullable List<String> outcomes,
            @Nullable List<String> planRows,
            @Nullable List<String> themes,
            @Nullable String newThemes,
            @Nullable Integer version) {

        public ItemForm {
            attendees = attendees == null ? List.of() : List.copyOf(attendees);
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
            planRows = planRows == null ? List.of() : List.copyOf(planRows);
            themes = themes == null ? List.of() : List.copyOf(themes);
            // A missing version (never sent by our pages) matches no version, so a change is refused as stale.
            version = version == null ? -1 : version;
        }

        static ItemForm empty(RecordKind kind, LocalDate today) {
            return new ItemForm(kind.name(), "", String.valueOf(today.getDayOfMonth()), String.valueOf(today.getMonthValue()),
                    String.valueOf(today.getYear()), "", "", null, "", List.of(), "0", null, null, null, "", "", "", "", "", List.of(),
                    List.of(), List.of(), "", 0);
        }

        static ItemForm of(RecordedItem i) {
            LocalDate on = i.happenedOn();
            return new ItemForm(i.kind().name(), i.title(), String.valueOf(on.getDayOfMonth()), String.valueOf(on.getMonthValue()),
                    String.valueOf(on.getYear()), i.setting(), i.body(), i.activityKind() == null ? null : i.activityKind().name(),
                    i.facilitatedBy(), i.attendees().stream().map(a -> a.userId().toString()).toList(), String.valueOf(i.othersCount()),
                    i.pathwayActivityId() == null ? null : i.pathwayActivityId().toString(), i.speaker() == null ? null : i.speaker().name(),
                    i.speakerUserId() == null ? null : i.speakerUserId().toString(), i.speaker() == Speaker.NAMED ? i.speakerName() : null,
                    i.situation(), i.whatHappened(), i.whatChanged(), i.ownWords(), i.outcomeIds().stream().map(UUID::toString).toList(),
                    i.planRowIds().stream().map(UUID::toString).toList(), i.themes(), "", i.version());
        }

        ItemForm withVersion(int v) {
            return new ItemForm(kind, title, onDay, onMonth, onYear, setting, words, activityKind, facilitatedBy, attendees, othersCount,
                    pathwayActivity, speaker, speakerUser, speakerName, situation, whatHappened, whatChanged, ownWords, outcomes, planRows,
                    themes, newThemes, v);
        }

        @Nullable RecordKind recordKind() {
            return parse(RecordKind.class, kind);
        }

        FormErrors check(RecordKind expected, LocalDate today) {
            FormErrors e = FormErrors.none();
            RecordKind k = recordKind();
            boolean voice = expected.isVoice();
            if (voice && (k == null || !k.isVoice())) {
                e = e.plus("kind", Ui.t("record.kind.required"));
            }
            if (expected == RecordKind.ACTIVITY || expected == RecordKind.CASE_STUDY) {
                e = required(e, "title", title, RecordLimits.TITLE, "record.title.required");
            } else {
                e = tooLong(e, "title", title, RecordLimits.TITLE);
            }
            LocalDate on = date(onDay, onMonth, onYear);
            if (blank(onDay) && blank(onMonth) && blank(onYear)) {
                e = e.plus("on", Ui.t("record.date.required"));
            } else if (on == null) {
                e = e.plus("on", Ui.t("record.date.invalid"));
            } else if (on.isAfter(today)) {
                e = e.plus("on", Ui.t("record.date.future"));
            } else if (on.isBefore(today.minusYears(RecordLimits.MAX_YEARS_BACK))) {
                e = e.plus("on", Ui.t("record.date.too-old", RecordLimits.MAX_YEARS_BACK));
            }
            if (expected == RecordKind.ACTIVITY) {
                if (parse(ActivityKind.class, activityKind) == null) {
                    e = e.plus("activityKind", Ui.t("record.activity.kind.required"));
                }
                e = tooLong(e, "setting", setting, RecordLimits.SHORT_TEXT);
                e = tooLong(e, "facilitatedBy", facilitatedBy, RecordLimits.SHORT_TEXT);
                if (others() == null) {
                    e = e.plus("othersCount", Ui.t("record.activity.others.invalid", RecordLimits.MAX_OTHERS));
                }
                if (uuids(attendees).size() != attendees.size()) {
                    e = e.plus("attendees", Ui.t("record.activity.attendees.unknown"));
                }
                if (!blank(pathwayActivity) && uuid(pathwayActivity) == null) {
                    e = e.plus("pathwayActivity", Ui.t("record.activity.pathway.unknown"));
                }
                e = tooLong(e, "words", words, RecordLimits.BODY);
            } else {
                Speaker s = parse(Speaker.class, speaker);
                if (s == null) {
                    e = e.plus("speaker", Ui.t("record.speaker.required"));
                } else if (s == Speaker.MEMBER && uuid(speakerUser) == null) {
                    e = e.plus("speakerUser", Ui.t("record.speaker.member.required"));
                } else if (s == Speaker.NAMED) {
                    e = required(e, "speakerName", speakerName, RecordLimits.NAME, "record.speaker.name.required");
                }
                if (voice) {
                    e = tooLong(e, "setting", setting, RecordLimits.SHORT_TEXT);
                    e = required(e, "words", words, RecordLimits.BODY, "record.words.required");
                } else {
                    e = required(e, "situation", situation, RecordLimits.STORY_PART, "record.story.situation.required");
                    e = required(e, "whatHappened", whatHappened, RecordLimits.STORY_PART, "record.story.happened.required");
                    e = required(e, "whatChanged", whatChanged, RecordLimits.STORY_PART, "record.story.changed.required");
                    e = tooLong(e, "ownWords", ownWords, RecordLimits.STORY_PART);
                }
            }
            if (uuids(outcomes).size() != outcomes.size()) {
                e = e.plus("outcomes", Ui.t("record.tags.outcome.unknown"));
            }
            if (uuids(planRows).size() != planRows.size()) {
                e = e.plus("planRows", Ui.t("record.tags.plan-row.unknown"));
            }
            return checkThemes(e, allThemes(themes, newThemes));
        }

        private @Nullable Integer others() {
            try {
                int n = blank(othersCount) ? 0 : Integer.parseInt(othersCount.strip());
                return n < 0 || n > RecordLimits.MAX_OTHERS ? null : n;
            } catch (NumberFormatException ex) {
                return null;
            }
        }

        /** Only after {@link #check} found nothing wrong. */
        ItemDraft draft(RecordKind expected) {
            LocalDate on = date(onDay, onMonth, onYear);
            if (on == null) {
                throw new IllegalStateException("checked form has a date");
            }
            List<String> tags = allThemes(themes, newThemes);
            if (expected == RecordKind.ACTIVITY) {
                Integer others = others();
                return ItemDraft.activity(title == null ? "" : title, on, parse(ActivityKind.class, activityKind), setting, facilitatedBy,
                        uuids(attendees), others == null ? 0 : others, uuid(pathwayActivity), words, uuids(outcomes), uuids(planRows), tags);
            }
            Speaker s = parse(Speaker.class, speaker);
            if (expected == RecordKind.CASE_STUDY) {
                return ItemDraft.caseStudy(title == null ? "" : title, on, s, uuid(speakerUser), speakerName, orEmpty(situation),
                        orEmpty(whatHappened), orEmpty(whatChanged), orEmpty(ownWords), uuids(outcomes), uuids(planRows), tags);
            }
            RecordKind k = recordKind();
            String text = orEmpty(words);
            String label = blank(title) ? "" : title;
            return ItemDraft.voice(k == null ? RecordKind.COMMENT : k, label, on, setting, text, s, uuid(speakerUser), speakerName,
                    uuids(outcomes), uuids(planRows), tags);
        }
    }

    /** Changing an item's outcomes, plan rows and themes. */
    public record TagsForm(
            @Nullable List<String> outcomes,
            @Nullable List<String> planRows,
            @Nullable List<String> themes,
            @Nullable String newThemes,
            @Nullable Integer version) {

        public TagsForm {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
            planRows = planRows == null ? List.of() : List.copyOf(planRows);
            themes = themes == null ? List.of() : List.copyOf(themes);
            version = version == null ? -1 : version;
        }

        FormErrors check() {
            FormErrors e = FormErrors.none();
            if (uuids(outcomes).size() != outcomes.size()) {
                e = e.plus("outcomes", Ui.t("record.tags.outcome.unknown"));
            }
            if (uuids(planRows).size() != planRows.size()) {
                e = e.plus("planRows", Ui.t("record.tags.plan-row.unknown"));
            }
            return checkThemes(e, allThemes(themes, newThemes));
        }
    }

    /** Consent as a facilitator records it. */
    public record ConsentForm(
            @Nullable String givenBy,
            @Nullable String how,
            @Nullable List<String> uses,
            @Nullable String untilDay,
            @Nullable String untilMonth,
            @Nullable String untilYear) {

        public ConsentForm {
            uses = uses == null ? List.of() : List.copyOf(uses);
        }

        static ConsentForm empty(@Nullable String givenBy) {
            return new ConsentForm(givenBy, null, List.of(), "", "", "");
        }

        FormErrors check(LocalDate today) {
            FormErrors e = required(FormErrors.none(), "givenBy", givenBy, RecordLimits.NAME, "record.consent.given-by.required");
            if (parse(ConsentHow.class, how) == null) {
                e = e.plus("how", Ui.t("record.consent.how.required"));
            }
            if (uses.isEmpty()) {
                e = e.plus("uses", Ui.t("record.consent.uses.required"));
            } else if (consentUses().size() != uses.size()) {
                e = e.plus("uses", Ui.t("record.consent.uses.unknown"));
            }
            if (!(blank(untilDay) && blank(untilMonth) && blank(untilYear))) {
                LocalDate until = date(untilDay, untilMonth, untilYear);
                if (until == null) {
                    e = e.plus("until", Ui.t("record.date.invalid"));
                } else if (until.isBefore(today)) {
                    e = e.plus("until", Ui.t("record.consent.until.past"));
                }
            }
            return e;
        }

        Set<ConsentUse> consentUses() {
            return useSet(uses);
        }

        ConsentDraft draft() {
            ConsentHow h = parse(ConsentHow.class, how);
            return new ConsentDraft(orEmpty(givenBy), h == null ? ConsentHow.WRITTEN : h, consentUses(), date(untilDay, untilMonth, untilYear));
        }
    }

    static Set<ConsentUse> useSet(List<String> values) {
        Set<ConsentUse> set = EnumSet.noneOf(ConsentUse.class);
        for (String u : values) {
            ConsentUse use = parse(ConsentUse.class, u);
            if (use != null) {
                set.add(use);
            }
        }
        return set;
    }

    /** A member's own comment or diary entry, with who may see it. */
    public record OwnForm(@Nullable String kind, @Nullable String words, @Nullable List<String> uses) {

        public OwnForm {
            uses = uses == null ? List.of() : List.copyOf(uses);
        }

        FormErrors check(boolean hasPhoto) {
            FormErrors e = FormErrors.none();
            RecordKind k = parse(RecordKind.class, kind);
            if (k == null || !RecordKind.MEMBERS_OWN.contains(k)) {
                e = e.plus("kind", Ui.t("record.own.kind.required"));
            }
            if (k == RecordKind.PHOTO) {
                if (!hasPhoto) {
                    e = e.plus("photo", Ui.t("record.own.photo.required"));
                }
                e = tooLong(e, "words", words, RecordLimits.BODY);
            } else {
                e = required(e, "words", words, RecordLimits.BODY, "record.own.words.required");
            }
            if (useSet(uses).size() != uses.size()) {
                e = e.plus("uses", Ui.t("record.consent.uses.unknown"));
            }
            return e;
        }
    }

    /** A member's new words for their own entry, at the version they saw. */
    public record OwnWordsForm(@Nullable String words, @Nullable Integer version) {

        public OwnWordsForm {
            // A missing version (never sent by our pages) matches no version, so the change is refused as stale.
            version = version == null ? -1 : version;
        }

        public int seen() {
            return version == null ? -1 : version;
        }

        FormErrors check() {
            return required(FormErrors.none(), "words", words, RecordLimits.BODY, "record.own.words.required");
        }

        OwnWordsForm withVersion(int newVersion) {
            return new OwnWordsForm(words, newVersion);
        }
    }

    /** A member's new choice of who may see their own entry, at the version they saw. */
    public record OwnUsesForm(@Nullable List<String> uses, @Nullable Integer version) {

        public OwnUsesForm {
            uses = uses == null ? List.of() : List.copyOf(uses);
            version = version == null ? -1 : version;
        }

        public int seen() {
            return version == null ? -1 : version;
        }

        FormErrors check() {
            return useSet(uses).size() != uses.size() ? FormErrors.single("uses", Ui.t("record.consent.uses.unknown")) : FormErrors.none();
        }

        OwnUsesForm withVersion(int newVersion) {
            return new OwnUsesForm(uses, newVersion);
        }
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
