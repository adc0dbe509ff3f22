package org.coproduction.impact.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Runs {@link SubmitOnce} after the access interceptor, so a refused request claims nothing. */
@Configuration
class SubmitOnceConfig implements WebMvcConfigurer {

    private final SubmitOnce once;

    SubmitOnceConfig(SubmitOnce once) {
        this.once = once;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(once).order(10);
    }
}
