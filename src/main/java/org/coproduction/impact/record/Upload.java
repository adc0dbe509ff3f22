package org.coproduction.impact.record;

/** A file as it arrived with a form: its name as the person knew it, and its bytes. */
public record Upload(String filename, byte[] bytes) {

    public boolean isEmpty() {
        return bytes.length == 0 && filename.isBlank();
    }
}
