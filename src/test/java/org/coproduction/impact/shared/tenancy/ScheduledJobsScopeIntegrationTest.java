package org.coproduction.impact.shared.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.coproduction.impact.organisation.Retention;
import org.coproduction.impact.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;

/**
 * Scheduled jobs run on no page, so no page limits them to an organisation. Each one must say so:
 * run each organisation's part within it, and what reads across organisations as the service's own
 * work, with its reason (issue #15). Every {@code @Scheduled} method in the application is run here
 * {@link OrganisationScope#strictly strictly}: a connection taken with no organisation named and no
 * reason given fails it, so a new job that forgets is found here.
 */
@IntegrationTest
class ScheduledJobsScopeIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retention retention;

    @Autowired
    TaskScheduler scheduler;

    /** The running service's scheduler holds what it runs strictly too, not only this test. */
    @Test
    void theServicesSchedulerRefusesAJobsConnectionThatNamesNoOrganisation() throws InterruptedException {
        assertThat(runOnTheScheduler(() -> jdbc.sql("select 1").query(Integer.class).single()))
                .hasStackTraceContaining("no organisation named");
        assertThat(runOnTheScheduler(() -> OrganisationScope.asTheService("a test's job",
                () -> jdbc.sql("select 1").query(Integer.class).single()))).isNull();
        assertThat(runOnTheScheduler(() -> OrganisationScope.within(OrganisationScope.NONE,
                () -> jdbc.sql("select count(*) from form").query(Long.class).single()))).isNull();
    }

    private @Nullable Throwable runOnTheScheduler(Runnable job) throws InterruptedException {
        AtomicReference<@Nullable Throwable> failed = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        scheduler.schedule(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                failed.set(e);
            } finally {
                done.countDown();
            }
        }, Instant.now());
        assertThat(done.await(30, TimeUnit.SECONDS)).as("the job ran").isTrue();
        return failed.get();
    }

    @Test
    void strictlyAConnectionThatNamesNoOrganisationIsRefused() {
        assertThatThrownBy(() -> OrganisationScope.strictly(() -> jdbc.sql("select count(*) from form").query(Long.class).single()))
                .hasStackTraceContaining("no organisation named");
        // Named, or said why: taken.
        assertThatCode(() -> OrganisationScope.strictly(() -> OrganisationScope.within(OrganisationScope.NONE,
                () -> jdbc.sql("select count(*) from form").query(Long.class).single()))).doesNotThrowAnyException();
        assertThat(OrganisationScope.strictly(() -> OrganisationScope.asTheService("counting in a test",
                () -> jdbc.sql("select 1").query(Integer.class).single()))).isEqualTo(1);
        // Outside strictly, nothing changes for the rest of the service (its tests take connections freely).
        assertThat(jdbc.sql("select 1").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void everyScheduledJobNamesItsOrganisationOrSaysWhyItWorksAcrossThem() {
        List<String> ran = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(name);
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("org.coproduction.impact")) {
                continue;
            }
            ReflectionUtils.doWithMethods(type, method -> {
                if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
                    ran.add(type.getSimpleName() + "." + method.getName());
                    assertThatCode(() -> OrganisationScope.strictly(() -> run(method, bean)))
                            .as(type.getSimpleName() + "." + method.getName())
                            .doesNotThrowAnyException();
                }
            });
        }
        assertThat(ran).contains("SubmitOnce.forgetOldClaims", "OutboxSender.deliverDue", "RespondentService.removeOldDrafts",
                "SignInAttempts.purge", "ExpiredSessions.clearOut");
        // Two jobs are off in tests. The counts' settler is run strictly by AnswerDaysIntegrationTest, and
        // the outbox's sending (with no mail server here, the job above sends nothing) by OutboxIntegrationTest.
        // The daily clean-up's job runs this:
        assertThatCode(() -> OrganisationScope.strictly(retention::runAll)).doesNotThrowAnyException();
    }

    /**
     * Spring Session clears out expired sessions on a scheduler of its own, calling its store
     * directly, so the work names nothing. It is off; the service's own job above does it, named.
     */
    @Test
    void springSessionsOwnClearingOutIsOffSoOnlyTheNamedJobDoesIt() {
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).noneMatch(n -> n.startsWith("spring-session-"));
    }

    private static Object run(Method method, Object bean) {
        ReflectionUtils.makeAccessible(method);
        return String.valueOf(ReflectionUtils.invokeMethod(method, bean));
    }
}
