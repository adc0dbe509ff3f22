package org.coproduction.impact.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Columns of another tool's export that ask one of the "about you" parts (issue #13): "Age",
 * "Gender", "Ethnicity" and the like are matched to the form's {@link AboutYou} block by their words,
 * and their answers read into its choices ("42" is 35 to 49; "Woman" is female; the census words in
 * English or Welsh). No database; the words of the service come in through {@code labels}, which
 * gives a message key's words in every language the service has.
 */
final class AboutYouColumns {

    private AboutYouColumns() {}

    /**
     * Words that say a column asks a part, English and Welsh. The longest match wins, so "gender
     * identity" is the gender identity part and a plain "gender" the sex part (the census's female or
     * male, which is what a "Gender" column of another tool usually offers).
     */
    private static final Map<AboutYou, List<String>> SAID_BY = Map.of(
            AboutYou.AGE, List.of("age", "age group", "age range", "how old", "oed", "grŵp oedran"),
            AboutYou.SEX, List.of("sex", "gender", "rhyw"),
            AboutYou.GENDER_IDENTITY, List.of("gender identity", "trans", "transgender", "hunaniaeth rhywedd"),
            AboutYou.SEXUAL_ORIENTATION, List.of("sexual orientation", "sexuality", "cyfeiriadedd rhywiol"),
            AboutYou.DISABILITY, List.of("disability", "disabled", "long-term health condition", "anabledd", "anabl"),
            AboutYou.CARER, List.of("carer", "unpaid carer", "gofalwr", "gofalwr di-dâl"),
            AboutYou.ETHNICITY, List.of("ethnicity", "ethnic group", "ethnic origin", "ethnic background", "grŵp ethnig", "ethnigrwydd"),
            AboutYou.RELIGION, List.of("religion", "faith", "religion or belief", "crefydd", "ffydd"),
            AboutYou.SERVICES, List.of());

    /** The part a column of this label asks, if any: its own words, or words that say it. */
    static Optional<AboutYou> part(String label, Function<String, List<String>> labels) {
        String words = ResponseExports.words(label);
        List<String> tokens = tokens(words);
        AboutYou best = null;
        int longest = 0;
        for (AboutYou part : AboutYou.values()) {
            if (labels.apply(part.messageKey()).stream().anyMatch(l -> ResponseExports.words(l).equals(words))) {
                return Optional.of(part);
            }
            for (String said : SAID_BY.get(part)) {
                List<String> saidTokens = tokens(said);
                if (saidTokens.size() > longest && Collections.indexOfSubList(tokens, saidTokens) >= 0) {
                    best = part;
                    longest = saidTokens.size();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** A column's answer as the part's choice (its slug), or why it cannot be read. */
    static ResponseExports.Read convert(AboutYou part, String column, List<String> raw, Function<String, List<String>> labels) {
        List<String> given = raw.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (given.isEmpty()) {
            return new ResponseExports.Read.Values(List.of());
        }
        String text = String.join(" ", given);
        String chosen = choice(part, ResponseExports.words(text), labels);
        return chosen != null ? new ResponseExports.Read.Values(List.of(chosen))
                : new ResponseExports.Read.Wrong("form.import.refused.choice", List.of(column, text));
    }

    private static @Nullable String choice(AboutYou part, String words, Function<String, List<String>> labels) {
        for (String c : part.choices()) {
            if (c.equals(words) || labels.apply(part.choiceKey(c)).stream().anyMatch(l -> ResponseExports.words(l).equals(words))) {
                return c;
            }
        }
        if (words.equals("prefer not to say") || words.equals("rather not say") || words.equals("well gen i beidio â dweud")) {
            return AboutYou.PREFER_NOT_TO_SAY;
        }
        return switch (part) {
            case AGE -> age(words);
            case SEX -> switch (words) {
                case "f", "woman", "women", "girl", "menyw", "benyw" -> "female";
                case "m", "man", "men", "boy", "dyn", "gwryw" -> "male";
                default -> null;
            };
            case GENDER_IDENTITY -> yesNo(words, "same", "different");
            case DISABILITY, CARER -> yesNo(words, "yes", "no");
            default -> null;
        };
    }

    private static @Nullable String yesNo(String words, String yes, String no) {
        return switch (words) {
            case "yes", "y", "true", "ie", "do", "oes", "ydw", "ydy" -> yes;
            case "no", "n", "false", "na", "naddo", "nac oes", "nac ydw", "nac ydy" -> no;
            default -> null;
        };
    }

    /** An age in years ("42") as its band; a band written with a hyphen or "to" ("18-24", "18 to 24") as itself. */
    private static @Nullable String age(String words) {
        String w = words.replace(" to ", "-").replace(" i ", "-").replace("–", "-").replace(" ", "");
        for (String band : AboutYou.AGE.groups()) {
            if (band.equals(w)) {
                return band;
            }
        }
        if (w.equals("80+")) {
            return "80-plus";
        }
        if (!w.matches("\\d{1,3}")) {
            return null;
        }
        int years = Integer.parseInt(w);
        if (years > 120) {
            return null;
        }
        return years < 18 ? "under-18" : years <= 24 ? "18-24" : years <= 34 ? "25-34" : years <= 49 ? "35-49" : years <= 64 ? "50-64"
                : years <= 79 ? "65-79" : "80-plus";
    }

    private static List<String> tokens(String words) {
        return new ArrayList<>(Arrays.stream(words.split("[^\\p{L}\\p{N}-]+")).filter(t -> !t.isEmpty()).toList());
    }
}
