package org.coproduction.impact.together.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.together.Face;
import org.coproduction.impact.together.Lesson;
import org.coproduction.impact.together.LessonDraft;
import org.coproduction.impact.together.ReflectionDraft;
import org.coproduction.impact.together.ReflectionService;
import org.coproduction.impact.together.TogetherWords;
import org.jspecify.annotations.Nullable;

/** The reflection pages' forms, as typed: strings checked here, with a message next to each field. */
public final class ReflectionForms {

    private ReflectionForms() {}

    /** A new reflection: a face, three questions, what it is about, and who may use it. */
    public record ReflectionForm(
            @Nullable String activityId,
            @Nullable String face,
            @Nullable String wentWell,
            @Nullable String notWell,
            @Nullable String wouldChange,
            @Nullable List<String> outcomeIds,
            @Nullable String themes,
            @Nullable List<String> uses) {

        public ReflectionForm {
            outcomeIds = outcomeIds == null ? List.of() : List.copyOf(outcomeIds);
            uses = uses == null ? List.of() : List.copyOf(uses);
        }

        static ReflectionForm empty(@Nullable String activityId) {
            return new ReflectionForm(activityId, null, null, null, null, List.of(), null, List.of());
        }

        /** {@code spoken}: a recording came with the form, so a face or words are not needed. */
        FormErrors check(boolean spoken) {
            FormErrors e = FormErrors.none();
            if (!blank(face) && parseFace(face) == null) {
                e = e.plus("face", Ui.t("together.reflection.face.unknown"));
            }
            if (blank(face) && blank(wentWell) && blank(notWell) && blank(wouldChange) && !spoken) {
                e = e.plus("face", Ui.t("together.reflection.empty"));
            }
            e = tooLong(e, "wentWell", wentWell);
            e = tooLong(e, "notWell", notWell);
            e = tooLong(e, "wouldChange", wouldChange);
            if (!blank(activityId) && uuid(activityId) == null) {
                e = e.plus("activityId", Ui.t("together.reflection.activity.unknown"));
            }
            if (uuids(outcomeIds).size() != outcomeIds.size()) {
                e = e.plus("outcomeIds", Ui.t("together.reflection.outcome.unknown"));
            }
            List<String> themeList = ReflectionService.splitThemes(themes == null ? "" : themes);
            if (themeList.size() > ReflectionService.MAX_THEMES) {
                e = e.plus("themes", Ui.t("together.reflection.themes.too-many", ReflectionService.MAX_THEMES));
            } else if (themeList.stream().anyMatch(t -> t.length() > ReflectionService.MAX_THEME)) {
                e = e.plus("themes", Ui.t("together.reflection.themes.too-long", ReflectionService.MAX_THEME));
            }
            if (useSet(uses).size() != uses.size()) {
                e = e.plus("uses", Ui.t("together.reflection.uses.unknown"));
            }
            return e;
        }

        /** Only after {@link #check} found nothing wrong. */
        ReflectionDraft draft() {
            return new ReflectionDraft(uuid(activityId), parseFace(face), orEmpty(wentWell), orEmpty(notWell), orEmpty(wouldChange),
                    Set.copyOf(uuids(outcomeIds)), ReflectionService.splitThemes(themes == null ? "" : themes), useSet(uses));
        }
    }

    /** The writer's new choice of who may use their words, at the version they saw. */
    public record UsesForm(@Nullable List<String> uses, @Nullable Integer version) {

        public UsesForm {
            uses = uses == null ? List.of() : List.copyOf(uses);
            version = version == null ? -1 : version;
        }

        public int seen() {
            return version == null ? -1 : version;
        }

        FormErrors check() {
            return useSet(uses).size() != uses.size() ? FormErrors.single("uses", Ui.t("together.reflection.uses.unknown")) : FormErrors.none();
        }
    }

    /** A lesson as typed. */
    public record LessonForm(@Nullable String lesson, @Nullable String evidence, @Nullable String change, @Nullable String changeMade,
            @Nullable String themes, @Nullable List<String> reflectionIds, @Nullable Integer version) {

        public LessonForm {
            reflectionIds = reflectionIds == null ? List.of() : List.copyOf(reflectionIds);
            version = version == null ? -1 : version;
        }

        static LessonForm of(Lesson l) {
            return new LessonForm(l.lesson(), l.evidence(), l.change(), l.changeMade() ? "yes" : "no", String.join(", ", l.themes()),
                    l.reflectionIds().stream().map(UUID::toString).toList(), l.version());
        }

        FormErrors check() {
            FormErrors e = FormErrors.none();
            if (blank(lesson)) {
                e = e.plus("lesson", Ui.t("together.lesson.required"));
            }
            if (uuids(reflectionIds).size() != reflectionIds.size()) {
                e = e.plus("reflectionIds", Ui.t("together.lesson.reflection.unknown"));
            }
            return e;
        }

        LessonDraft draft() {
            return new LessonDraft(lesson == null ? "" : lesson, evidence == null ? "" : evidence, change == null ? "" : change,
                    "yes".equals(changeMade), ReflectionService.splitThemes(themes == null ? "" : themes),
                    Set.copyOf(uuids(reflectionIds)));
        }

        public int seen() {
            return version == null ? -1 : version;
        }
    }

    static List<Option> useOptions() {
        return java.util.Arrays.stream(ConsentUse.values())
                .map(u -> Option.of(u.name(), Ui.t(TogetherWords.use(u))))
                .toList();
    }

    static Set<ConsentUse> useSet(List<String> values) {
        Set<ConsentUse> set = EnumSet.noneOf(ConsentUse.class);
        for (String v : values) {
            try {
                set.add(ConsentUse.valueOf(v.strip()));
            } catch (IllegalArgumentException ignored) {
                // counted as unknown by the caller, which compares sizes
            }
        }
        return set;
    }

    static @Nullable Face parseFace(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Face.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable UUID uuid(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
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

    private static FormErrors tooLong(FormErrors e, String field, @Nullable String value) {
        return value != null && value.strip().length() > ReflectionService.MAX_WORDS
                ? e.plus(field, Ui.t("together.reflection.too-long", ReflectionService.MAX_WORDS))
                : e;
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
