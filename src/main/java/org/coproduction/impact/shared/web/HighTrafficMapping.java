package org.coproduction.impact.shared.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A handler mapping for {@link HighTraffic} controllers only, asked before the main one.
 *
 * <p>Why: the main mapping finds a handler for a path with variables in it ({@code /r/{token}/submit})
 * by testing every one of the service's two hundred and more mappings against the request, and on
 * the form submission benchmark that search was about a seventh of the server's time
 * (bench/README.md). This mapping holds the dozen mappings of the answering pages, so their search is
 * short; any other path finds nothing here, quickly, and goes on to the main mapping. The main
 * mapping still holds every handler too, so nothing depends on this one being there.
 *
 * <p>It is set up like the main one: the same interceptors (the access interceptor among them, so
 * every handler's access rule is still checked), content negotiation and path parser.
 */
@Configuration
class HighTrafficMapping {

    /**
     * Not an autowiring candidate, so code that asks for "the" {@link RequestMappingHandlerMapping}
     * still gets the main one; the dispatcher servlet finds every handler mapping bean anyway.
     */
    @Bean(autowireCandidate = false)
    RequestMappingHandlerMapping highTrafficHandlerMapping(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping main) {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return AnnotatedElementUtils.hasAnnotation(beanType, HighTraffic.class) && super.isHandler(beanType);
            }
        };
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        mapping.setInterceptors((Object[]) main.getAdaptedInterceptors());
        mapping.setContentNegotiationManager(main.getContentNegotiationManager());
        mapping.setPatternParser(main.getPatternParser());
        return mapping;
    }
}
