package org.coproduction.impact.shared.web;

import java.util.List;
import org.coproduction.impact.shared.tenancy.AccessInterceptor;
import org.coproduction.impact.shared.tenancy.TenantArgumentResolver;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfig implements WebMvcConfigurer {

    static final String GOVUK = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";

    private final AccessInterceptor access;
    private final TenantArgumentResolver tenants;

    WebConfig(AccessInterceptor access, TenantArgumentResolver tenants, MessageSource messages) {
        this.access = access;
        this.tenants = tenants;
        Ui.use(messages);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(tenants);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // GOV.UK Frontend's images; not its fonts, which are for GOV.UK only.
        registry.addResourceHandler("/assets/images/**").addResourceLocations(GOVUK + "assets/images/");
    }
}
