package org.coproduction.impact.shared.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends a wrong password to the real server (the remote IP valve runs only there, not in MockMvc)
 * with a forged {@code X-Forwarded-For}, and reads back which address the failure was counted for.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String countedFor(int port, JdbcClient jdbc, String account, String forwardedFor) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String csrf = Jsoup.parse(page).select("input[name=_csrf]").val();
        String form = "username=" + URLEncoder.encode(account, StandardCharsets.UTF_8) + "&password=wrong+password&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("sign-in answered " + answer.statusCode());
        }
        return jdbc.sql("select remote_address from sign_in_failure where account_key = :a")
                .param("a", account)
                .query(String.class)
                .single();
    }
}
