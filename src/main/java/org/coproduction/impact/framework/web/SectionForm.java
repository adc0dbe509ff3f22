package org.coproduction.impact.framework.web;

import org.coproduction.impact.framework.FrameworkService;
import org.coproduction.impact.framework.SectionText;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;

/** One section of the draft as typed: its text (Markdown), its easy-read points, and the lock version it was opened at. */
public record SectionForm(@Nullable String body, @Nullable String easyRead, @Nullable Integer lockVersion) {

    /** Easy read means short sentences: a longer point is sent back to be split. */
    public static final int MAX_POINT_LENGTH = 150;

    public SectionForm {
        body = body == null ? "" : body;
        easyRead = easyRead == null ? "" : easyRead;
        // Absent (never from our pages) matches no lock version, so the save is refused as stale.
        lockVersion = lockVersion == null ? -1 : lockVersion;
    }

    static SectionForm of(SectionText section) {
        return new SectionForm(section.body(), section.easyRead(), section.lockVersion());
    }

    /** The same text, opened at another lock version (after a clash, so saving again is a choice). */
    SectionForm at(int lock) {
        return new SectionForm(body, easyRead, lock);
    }

    FormErrors check() {
        FormErrors errors = FormErrors.none();
        if (body.isBlank()) {
            errors = errors.plus("body", Ui.t("framework.section.body.required"));
        } else if (body.strip().length() > FrameworkService.MAX_BODY) {
            errors = errors.plus("body", Ui.t("framework.section.body.too-long", FrameworkService.MAX_BODY, body.strip().length()));
        }
        var points = easyRead.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (String.join("\n", points).length() > FrameworkService.MAX_EASY_READ) {
            errors = errors.plus("easyRead", Ui.t("framework.section.easy-read.too-long", FrameworkService.MAX_EASY_READ));
        } else if (points.size() > FrameworkService.MAX_EASY_READ_POINTS) {
            errors = errors.plus("easyRead", Ui.t("framework.section.easy-read.too-many", FrameworkService.MAX_EASY_READ_POINTS));
        } else if (points.stream().anyMatch(p -> p.length() > MAX_POINT_LENGTH)) {
            errors = errors.plus("easyRead", Ui.t("framework.section.easy-read.point-too-long", MAX_POINT_LENGTH));
        }
        return errors;
    }
}
