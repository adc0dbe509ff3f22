package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which "about you" part an export's column asks, and its answers read into the part's choices, in English or Welsh. */
class AboutYouColumnsTest {

    /** The service's words in English and Welsh, from the message files, as the import gets them. */
    static final Function<String, List<String>> LABELS = labels();

    private static Function<String, List<String>> labels() {
        List<Properties> files = new ArrayList<>();
        for (String file : List.of("/messages.properties", "/messages_cy.properties")) {
            Properties p = new Properties();
            try (var in = new InputStreamReader(AboutYouColumnsTest.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            files.add(p);
        }
        return key -> files.stream().map(p -> p.getProperty(key)).filter(java.util.Objects::nonNull).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Age                                  | AGE
            Your age                             | AGE
            Age group                            | AGE
            How old are you?                     | AGE
            Oed                                  | AGE
            Gender                               | SEX
            What is your sex?                    | SEX
            Gender identity                      | GENDER_IDENTITY
            Which of these best describes your sexual orientation? | SEXUAL_ORIENTATION
            Do you consider yourself disabled?   | DISABILITY
            Are you an unpaid carer?             | CARER
            What is your ethnic group?           | ETHNICITY
            Eich grŵp ethnig                     | ETHNICITY
            Religion or belief                   | RELIGION
            Which care and support do you draw on most? | SERVICES
            """)
    void aColumnIsMatchedToThePartItsWordsAsk(String label, AboutYou part) {
        assertThat(AboutYouColumns.part(label, LABELS)).contains(part);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How much did you feel listened to?
            Page number
            Do you use public transport?
            Which sessions did you come to?
            """)
    void aColumnThatAsksNoPartIsLeftAlone(String label) {
        assertThat(AboutYouColumns.part(label, LABELS)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            AGE              | 42                 | 35-49
            AGE              | 17                 | under-18
            AGE              | 80                 | 80-plus
            AGE              | 18 to 24           | 18-24
            AGE              | 25-34              | 25-34
            AGE              | 65 i 79            | 65-79
            AGE              | Under 18           | under-18
            AGE              | I prefer not to say | prefer-not-to-say
            AGE              | Prefer not to say  | prefer-not-to-say
            SEX              | Woman              | female
            SEX              | MALE               | male
            SEX              | Benyw              | female
            ETHNICITY        | White              | white
            ETHNICITY        | Asian or Asian British | asian
            DISABILITY       | Yes                | yes
            DISABILITY       | Na                 | no
            GENDER_IDENTITY  | Yes                | same
            GENDER_IDENTITY  | No                 | different
            RELIGION         | No religion        | none
            """)
    void anAnswerIsReadIntoThePartsChoice(AboutYou part, String answer, String choice) {
        assertThat(AboutYouColumns.convert(part, "Column", List.of(answer), LABELS)).isEqualTo(new ResponseExports.Read.Values(List.of(choice)));
    }

    @Test
    void anAnswerThatIsNoneOfThePartsChoicesIsRefusedWithTheColumnAndTheAnswer() {
        assertThat(AboutYouColumns.convert(AboutYou.SEX, "Gender", List.of("Non-binary"), LABELS))
                .isEqualTo(new ResponseExports.Read.Wrong("form.import.refused.choice", List.of("Gender", "Non-binary")));
        assertThat(AboutYouColumns.convert(AboutYou.AGE, "Age", List.of("200"), LABELS))
                .isInstanceOf(ResponseExports.Read.Wrong.class);
        assertThat(AboutYouColumns.convert(AboutYou.AGE, "Age", List.of(" "), LABELS)).isEqualTo(new ResponseExports.Read.Values(List.of()));
    }
}
