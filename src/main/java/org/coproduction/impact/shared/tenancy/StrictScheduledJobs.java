package org.coproduction.impact.shared.tenancy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * Runs every scheduled job {@link OrganisationScope#strictly strictly} in the running service, as
 * {@code ScheduledJobsScopeIntegrationTest} runs each of ours (issue 15, the second wall): a job's
 * connection must name its organisation or its reason, or it is refused, rather than reading every
 * organisation's rows. Spring Session's clearing out of expired sessions runs here too, named
 * ({@link ServiceWork.Sessions}). {@code app.tenancy.strict-jobs: false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.tenancy.strict-jobs", havingValue = "true", matchIfMissing = true)
class StrictScheduledJobs {

    /** With virtual threads (the service's setting): the scheduler Spring Boot makes then. */
    @Bean
    SimpleAsyncTaskSchedulerCustomizer strictJobsOnVirtualThreads(ScopeCarrier carrier) {
        return scheduler -> scheduler.setTaskDecorator(strictly(carrier));
    }

    /** Without them: the pool of platform threads. */
    @Bean
    ThreadPoolTaskSchedulerCustomizer strictJobsOnAPool(ScopeCarrier carrier) {
        return scheduler -> scheduler.setTaskDecorator(strictly(carrier));
    }

    /** The scope carrier's work (the thread left clean before and after), held strictly inside it. */
    static TaskDecorator strictly(ScopeCarrier carrier) {
        return job -> carrier.decorate(() -> OrganisationScope.strictly(() -> {
            job.run();
            return null;
        }));
    }
}
