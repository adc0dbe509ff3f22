package org.coproduction.impact.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.coproduction.impact.shared.tenancy.TestsOwnData;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL: the embedded one by default, or the server named by
 * {@code SPRING_DATASOURCE_URL} (as in .ci/run's second pass). One context is shared by all tests
 * that use this annotation, so each test makes its own organisations with {@link TestData}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestData.class, TestEvidence.class})
@ExtendWith(TestsOwnData.class)
public @interface IntegrationTest {}
