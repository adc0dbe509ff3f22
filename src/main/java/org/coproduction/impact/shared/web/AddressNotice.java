package org.coproduction.impact.shared.web;

import java.util.List;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Warns an ADMIN on their home page when the address they are using is not the one links start
 * with: emails, posters and QR codes would send people somewhere else (or nowhere).
 */
@Component
class AddressNotice implements HomeNotices {

    private final BaseUrl baseUrl;

    AddressNotice(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public List<HomeNotice> noticesFor(Tenant tenant) {
        if (!tenant.is(Role.ADMIN)) {
            return List.of();
        }
        String using = ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).build().toUriString();
        if (baseUrl.matches(using)) {
            return List.of();
        }
        return List.of(new HomeNotice("shared.base-url.differs", List.of(using, baseUrl.value()), "", "", true));
    }
}
