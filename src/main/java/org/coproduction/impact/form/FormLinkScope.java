package org.coproduction.impact.form;

import java.util.Optional;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.TokenScope;
import org.springframework.stereotype.Component;

/** A form's answering link ({@code /r/{formToken}/...}) reads only the organisation that owns the form. */
@Component
class FormLinkScope implements TokenScope {

    private final FormRepository forms;

    FormLinkScope(FormRepository forms) {
        this.forms = forms;
    }

    @Override
    public String pathVariable() {
        return "formToken";
    }

    @Override
    public Optional<OrganisationId> organisationOf(String token) {
        return FormTokens.plausible(token) ? forms.organisationOfToken(token) : Optional.empty();
    }
}
