package org.coproduction.impact.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestEvidence;
import org.coproduction.impact.shared.tenancy.TestsOwnData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A journey through the real service in Chromium: the whole application on a random port, on the
 * same database as the other tests. Tagged {@code journey}, so it runs only with {@code -Pjourneys}
 * (it needs a browser). {@link TestData} needs a MockMvc, hence {@code @AutoConfigureMockMvc}.
 *
 * <p>Links in emails and on printed invitations start with {@link Journey#BASE_URL}, a made-up host:
 * the port is not known before the server starts, so journeys open the link's path on the real port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.base-url=" + Journey.BASE_URL)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestData.class, TestEvidence.class})
@Tag("journey")
@ExtendWith(TestsOwnData.class)
@interface BrowserJourney {}
