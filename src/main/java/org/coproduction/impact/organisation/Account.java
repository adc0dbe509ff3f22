package org.coproduction.impact.organisation;

import java.util.Locale;
import java.util.UUID;
import org.coproduction.impact.shared.web.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;

/** A person's account, as stored. */
record Account(UUID id, String username, @Nullable String email, String displayName, String passwordHash, boolean easyRead, @Nullable String language) {

    /**
     * The language to write to this person in: the one they chose with the switch, else the one of
     * the request that causes the email (English outside a request).
     */
    Locale locale() {
        return Languages.byCode(language).orElseGet(() -> Languages.supported(LocaleContextHolder.getLocale()));
    }
}
