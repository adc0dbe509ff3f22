package org.coproduction.impact.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.coproduction.impact.shared.web.Languages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A new organisation's first framework draft starts in the language of the person who creates it:
 * every starter text has its Welsh, under the same name in {@code framework/starter/cy/}.
 */
class StarterTextTest {

    private static final Path STARTER = Path.of("src/main/resources/framework/starter");

    @AfterEach
    void backToTheDefault() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyStarterTextHasItsWelshWithinTheSameLimits() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(STARTER)) {
            for (Path english : files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".easy-read.txt"))
                    .filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList()) {
                Path welsh = STARTER.resolve("cy").resolve(english.getFileName());
                if (!Files.exists(welsh)) {
                    problems.add("no " + welsh);
                    continue;
                }
                String words = Files.readString(welsh, StandardCharsets.UTF_8).strip();
                int limit = english.toString().endsWith(".md") ? 20000 : 1500;
                if (words.isEmpty() || words.length() > limit) {
                    problems.add(welsh + " is empty or longer than " + limit + " characters");
                }
                if (words.equals(Files.readString(english, StandardCharsets.UTF_8).strip())) {
                    problems.add(welsh + " is the English");
                }
            }
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void aDraftMadeInWelshStartsFromTheWelshText() throws IOException {
        LocaleContextHolder.setLocale(Languages.WELSH);

        String expected = Files.readString(STARTER.resolve("cy/definitions.md"), StandardCharsets.UTF_8).strip()
                .replace("{organisation}", "Grŵp Afon");
        assertThat(StarterText.body(Section.DEFINITIONS, "Grŵp Afon")).isEqualTo(expected);

        LocaleContextHolder.setLocale(Languages.ENGLISH);
        assertThat(StarterText.body(Section.DEFINITIONS, "Grŵp Afon"))
                .isEqualTo(Files.readString(STARTER.resolve("definitions.md"), StandardCharsets.UTF_8).strip()
                        .replace("{organisation}", "Grŵp Afon"));
    }
}
