package org.coproduction.impact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.coproduction.impact.shared.tenancy.AccessInterceptor;
import org.coproduction.impact.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The answering pages' own handler mapping is asked first, holds only {@link HighTraffic}
 * controllers' handlers, and runs the same interceptors as the main mapping, so every handler's
 * access rule is still checked.
 */
@IntegrationTest
class HighTrafficMappingTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping main;

    @Test
    void holdsOnlyTheAnsweringPagesAndIsAskedFirst() {
        RequestMappingHandlerMapping highTraffic = context.getBean("highTrafficHandlerMapping", RequestMappingHandlerMapping.class);

        Set<Class<?>> controllers = highTraffic.getHandlerMethods().values().stream()
                .map(HandlerMethod::getBeanType)
                .collect(Collectors.toSet());
        assertThat(controllers).isNotEmpty().allMatch(type -> type.isAnnotationPresent(HighTraffic.class));
        assertThat(controllers).extracting(Class::getSimpleName).containsExactly("RespondController");
        assertThat(highTraffic.getOrder()).isLessThan(main.getOrder());
        // The main mapping still has them too.
        assertThat(main.getHandlerMethods().values()).extracting(HandlerMethod::getBeanType).containsAll(controllers);
    }

    @Test
    void findsTheSendHandlerWithTheMainMappingsInterceptors() throws Exception {
        RequestMappingHandlerMapping highTraffic = context.getBean("highTrafficHandlerMapping", RequestMappingHandlerMapping.class);
        MockHttpServletRequest send = new MockHttpServletRequest("POST", "/r/abcdefghjkmnpqrs/submit");

        HandlerExecutionChain chain = highTraffic.getHandler(send);

        assertThat(chain).isNotNull();
        assertThat(((HandlerMethod) chain.getHandler()).getMethod().getName()).isEqualTo("submit");
        assertThat(chain.getInterceptorList()).hasAtLeastOneElementOfType(AccessInterceptor.class);
        assertThat(chain.getInterceptorList()).extracting(Object::getClass)
                .containsExactlyElementsOf(Arrays.stream(main.getAdaptedInterceptors()).map(Object::getClass).toList());
        // Any other page is not found here, and goes on to the main mapping.
        assertThat(highTraffic.getHandler(new MockHttpServletRequest("GET", "/projects"))).isNull();
    }
}
