package org.coproduction.impact.shared.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a handler take the current {@link Tenant} (pages) or {@link ApiClient} (the API) as a parameter. */
@Component
public class TenantArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Tenant.class || parameter.getParameterType() == ApiClient.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (parameter.getParameterType() == ApiClient.class) {
            ApiClient client = request == null ? null : CurrentRequest.apiClient(request);
            if (client == null) {
                throw new org.springframework.security.authentication.InsufficientAuthenticationException("an API token is needed");
            }
            return client;
        }
        Tenant tenant = CurrentRequest.tenant(request);
        if (tenant == null) {
            throw new NoOrganisationException();
        }
        return tenant;
    }
}
