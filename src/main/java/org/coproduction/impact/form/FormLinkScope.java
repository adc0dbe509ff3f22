package org.coproduction.impact.form;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.TokenScope;
import org.springframework.stereotype.Component;

/**
 * A form's answering link ({@code /r/{formToken}/...}) reads only the organisation that owns the form.
 *
 * <p>Which organisation a token belongs to never changes (a new link is a new token; an imported
 * organisation's forms get new ones), so the answer is remembered for the tokens found. Looking it up
 * costs a statement outside any organisation, and so two more that switch the pooled connection out of
 * its organisation and back (shared/db/ScopedDataSource): on a busy form, most of a send's round trips.
 * An unknown token is never remembered (a form made a moment later must be found), so nothing a
 * stranger sends fills the memory; what is remembered is dropped whole past {@value #REMEMBERED} tokens.
 * A form removed or a link replaced is still refused: the form is then looked for within the
 * organisation, and not found.
 */
@Component
class FormLinkScope implements TokenScope {

    static final int REMEMBERED = 10_000;

    private final FormRepository forms;
    private final Map<String, OrganisationId> known = new ConcurrentHashMap<>();

    FormLinkScope(FormRepository forms) {
        this.forms = forms;
    }

    @Override
    public String pathVariable() {
        return "formToken";
    }

    @Override
    public Optional<OrganisationId> organisationOf(String token) {
        if (!FormTokens.plausible(token)) {
            return Optional.empty();
        }
        OrganisationId remembered = known.get(token);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<OrganisationId> found = forms.organisationOfToken(token);
        found.ifPresent(organisation -> {
            if (known.size() >= REMEMBERED) {
                known.clear();
            }
            known.put(token, organisation);
        });
        return found;
    }
}
