package org.jiaxing.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Switches the dashboard's live counting of check-ins on the server ({@code POST
 * /api/v1/dashboard/live-counting}, CITY_ADMIN over HTTP Basic), so that one run measures the check-in API
 * with counting on ({@link Target#GROUP}) and off ({@link Target#GROUP_UNCOUNTED}) against the same server.
 */
final class LiveCounting {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private LiveCounting() {
    }

    static void set(URI base, String adminCredentials, boolean enabled) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/dashboard/live-counting?enabled=" + enabled))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        adminCredentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"enabled\":" + enabled)) {
            throw new IllegalStateException("switching live counting " + (enabled ? "on" : "off") + " answered "
                    + response.statusCode() + " " + response.body() + "; check --admin user:password (CITY_ADMIN)");
        }
    }
}
