package org.coproduction.impact.together;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.coproduction.impact.shared.web.Languages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** The self-assessment's starter statements have their Welsh, used when the copy is made in Welsh. */
class StarterStatementsTest {

    @AfterEach
    void backToTheDefault() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyStarterStatementHasItsWelshAndWelshEasyRead() {
        Map<String, String[]> welsh = StarterStatements.welsh();

        assertThat(StarterStatements.ALL).allSatisfy(s -> {
            assertThat(welsh).as(s.words()).containsKey(s.words());
            String[] row = welsh.get(s.words());
            assertThat(row[1]).as("Welsh of " + s.words()).isNotBlank().hasSizeLessThanOrEqualTo(300).doesNotContain("'")
                    .isNotEqualTo(s.words());
            assertThat(row[2]).as("Welsh easy read of " + s.words()).isNotBlank().hasSizeLessThanOrEqualTo(300).doesNotContain("'")
                    .isNotEqualTo(s.easyRead());
        });
    }

    @Test
    void theCopyIsInTheLanguageOfThePersonMakingIt() {
        LocaleContextHolder.setLocale(Languages.WELSH);
        List<StarterStatements.Starter> inWelsh = StarterStatements.inCurrentLanguage();
        assertThat(inWelsh).hasSameSizeAs(StarterStatements.ALL);
        assertThat(inWelsh.getFirst().words()).isEqualTo(StarterStatements.welsh().get(StarterStatements.ALL.getFirst().words())[1]);
        assertThat(inWelsh).extracting(StarterStatements.Starter::principle)
                .containsExactlyElementsOf(StarterStatements.ALL.stream().map(StarterStatements.Starter::principle).toList());

        LocaleContextHolder.setLocale(Languages.ENGLISH);
        assertThat(StarterStatements.inCurrentLanguage()).isEqualTo(StarterStatements.ALL);
    }
}
