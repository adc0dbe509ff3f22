package org.coproduction.impact.shared.tenancy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

/**
 * Names the service's own work done for a request before any organisation is known, so it may take
 * connections while requests are held strictly ({@link StrictRequests}): signing in, finding an API
 * token, keeping sessions. Each call of the wrapped object runs {@link OrganisationScope#asTheService}
 * with the reason given.
 */
public final class ServiceWork {

    private ServiceWork() {}

    /** {@code target}, each of whose calls through {@code type} is the service's own work, for {@code why}. */
    public static <I> I named(Class<I> type, String why, I target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            return run(why, () -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }));
    }

    /** Work that may throw anything, as a method called through a proxy may. */
    @FunctionalInterface
    private interface Call {
        @Nullable Object call() throws Throwable;
    }

    /** Runs {@code call} as the service's own work and lets what it throws out as it was. */
    private static @Nullable Object run(String why, Call call) throws Throwable {
        try {
            return OrganisationScope.asTheService(why, () -> {
                try {
                    return call.call();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new Thrown(e);
                }
            });
        } catch (Thrown e) {
            throw e.getCause();
        }
    }

    /** Carries what the target threw through {@link java.util.function.Supplier}, which cannot throw it. */
    private static final class Thrown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Thrown(Throwable cause) {
            super(cause);
        }

        @Override
        public synchronized Throwable getCause() {
            return java.util.Objects.requireNonNull(super.getCause());
        }
    }

    /**
     * Spring Session's store of sessions in PostgreSQL: reading a person's session is how a request
     * learns who is signed in, before any organisation is known; saving and clearing out expired
     * sessions are the service's own work too.
     */
    @Component
    static class Sessions implements BeanPostProcessor {

        static final String WHY = "keeping sign-in sessions";

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof SessionRepository<?>)) {
                return bean;
            }
            ProxyFactory factory = new ProxyFactory(bean);
            factory.setProxyTargetClass(true);
            factory.addAdvice((MethodInterceptor) invocation -> run(WHY, invocation::proceed));
            return factory.getProxy(bean.getClass().getClassLoader());
        }
    }
}
