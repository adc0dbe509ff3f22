package org.coproduction.impact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class UiTest {

    @BeforeEach
    void inEnglish() {
        LocaleContextHolder.setLocale(Locale.UK);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void showsMomentsFromTheDatabaseInUkSummerTime() {
        OffsetDateTime lateEveningInJuly = OffsetDateTime.parse("2026-07-01T23:30:00Z");

        assertThat(Ui.date(lateEveningInJuly)).isEqualTo("2 July 2026");
        assertThat(Ui.dateTime(lateEveningInJuly)).isEqualTo("2 July 2026, 00:30");
    }

    @Test
    void showsWinterMomentsAsTheyAre() {
        assertThat(Ui.dateTime(OffsetDateTime.parse("2026-11-23T14:05:09Z"))).isEqualTo("23 November 2026, 14:05");
    }
}
