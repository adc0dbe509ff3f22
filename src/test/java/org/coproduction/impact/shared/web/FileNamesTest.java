package org.coproduction.impact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class FileNamesTest {

    @Test
    void everyLetterIsKeptWhateverTheLanguage() {
        assertThat(FileNames.slug("Café Noël: carers' group", "form")).isEqualTo("café-noël-carers-group");
        assertThat(FileNames.slug("Grŵp Cymraeg 2026", "form")).isEqualTo("grŵp-cymraeg-2026");
        // The same letter typed as e and a combining accent is the same name.
        assertThat(FileNames.slug("Cafe\u0301", "form")).isEqualTo("café");
    }

    @Test
    void wordsWithNoLetterOrDigitGiveTheFallback() {
        assertThat(FileNames.slug(" -- !! ", "project")).isEqualTo("project");
    }

    @Test
    void theDownloadHeaderCarriesTheLettersInUtf8() {
        String header = ContentDisposition.attachment().filename(FileNames.slug("Café", "form") + "-responses.csv", StandardCharsets.UTF_8)
                .build().toString();
        assertThat(header).contains("filename*=UTF-8''caf%C3%A9-responses.csv");
    }
}
