package org.coproduction.impact.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Issue 17, case 5: a request in a charset the server cannot decode is a 400, logged as a warning without a stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class UndecodableRequestIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void anUnknownCharsetIsA400AndAWarning(CapturedOutput output) throws Exception {
        // Only what this request wrote: run alone, the output also holds the application's start-up.
        int before = output.getAll().length();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in?error=%FF%FE"))
                        .header("Content-Type", "text/plain; charset=x-no-such-charset")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(output.getAll().substring(before)).contains("WARN").contains("could not be decoded")
                .doesNotContain("ERROR").doesNotContain("InvalidParameterException: ");
    }
}
