package org.coproduction.impact.form;

import java.util.List;

/**
 * A question read across a form's versions: answers given on any version where the question had
 * this key are read together (a key changes when what is asked changes, see
 * {@link Question#asksSomethingDifferentFrom}). The words are the newest version's.
 *
 * @param versions the numbers of the versions that asked it, oldest first
 */
public record MappedQuestion(Question question, List<Integer> versions) {

    public MappedQuestion {
        versions = List.copyOf(versions);
    }

    public String key() {
        return question.key();
    }

    public List<String> fields() {
        return question.fields();
    }

    public boolean askedOn(int version) {
        return versions.contains(version);
    }
}
