package org.coproduction.impact.shared.tenancy;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Who may call a handler, read from its annotations. A handler with none of them is a mistake:
 * the access interceptor refuses it and the endpoint sweep test fails on it.
 */
public sealed interface EndpointAccess {

    record Public() implements EndpointAccess {}

    record AnySignedIn() implements EndpointAccess {}

    record Operator() implements EndpointAccess {}

    record Roles(Set<Role> allowed) implements EndpointAccess {}

    /** An API handler: an API token with this scope, never a session. */
    record Api(String scope) implements EndpointAccess {}

    static @Nullable EndpointAccess of(HandlerMethod handler) {
        EndpointAccess onMethod = read(handler.getMethod());
        return onMethod != null ? onMethod : read(handler.getBeanType());
    }

    private static @Nullable EndpointAccess read(java.lang.reflect.AnnotatedElement element) {
        if (AnnotatedElementUtils.hasAnnotation(element, PublicEndpoint.class)) {
            return new Public();
        }
        if (AnnotatedElementUtils.hasAnnotation(element, SignedIn.class)) {
            return new AnySignedIn();
        }
        if (AnnotatedElementUtils.hasAnnotation(element, OperatorOnly.class)) {
            return new Operator();
        }
        ApiScope api = AnnotatedElementUtils.findMergedAnnotation(element, ApiScope.class);
        if (api != null) {
            return new Api(api.value());
        }
        RequiresRole roles = AnnotatedElementUtils.findMergedAnnotation(element, RequiresRole.class);
        if (roles != null) {
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            allowed.addAll(java.util.List.of(roles.value()));
            return new Roles(Set.copyOf(allowed));
        }
        return null;
    }
}
