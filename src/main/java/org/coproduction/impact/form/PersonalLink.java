package org.coproduction.impact.form;

import java.util.UUID;

/** A member's own link to a form whose answers are named, so their answers are theirs without signing in. */
public record PersonalLink(String token, UUID userId, String displayName) {

    /** The address of the link, for a form whose public path is {@code form.publicPath()}. */
    public String path(Form form) {
        return form.publicPath() + "/p/" + token;
    }
}
