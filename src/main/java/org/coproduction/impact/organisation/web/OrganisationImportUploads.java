package org.coproduction.impact.organisation.web;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * An organisation's export holds its photos and files, so it is often far larger than the 11 MB every
 * other upload may be ({@code spring.servlet.multipart}). The servlet container reads a multipart body
 * with the limits of the servlet the address maps to, before any controller runs (the CSRF check reads
 * the form's fields), so a larger limit for one page needs its own servlet: this one serves only
 * {@code /operator/organisations/import}, with the same controllers, filters and security as the
 * rest, and takes an upload of up to {@link OrganisationImportController#MAX_BYTES}, written straight
 * to a temporary file. Everything else, including every public form, keeps the small limit.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationImportUploads {

    @Bean
    ServletRegistrationBean<DispatcherServlet> organisationImportServlet(WebApplicationContext context) {
        ServletRegistrationBean<DispatcherServlet> registration = new ServletRegistrationBean<>(new DispatcherServlet(context),
                "/operator/organisations/import");
        registration.setName("organisationImport");
        registration.setLoadOnStartup(-1);
        registration.setMultipartConfig(new MultipartConfigElement("", OrganisationImportController.MAX_BYTES,
                OrganisationImportController.MAX_BYTES + 1024 * 1024, 0));
        return registration;
    }
}
