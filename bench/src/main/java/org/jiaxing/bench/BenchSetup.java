package org.jiaxing.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The venues' signed tokens and the persons' visitor passes the scans carry, made by the server
 * ({@code POST /api/v1/bench/setup}): it creates the bench venues and persons unless they exist.
 */
record BenchSetup(String[] venueTokens, String[] visitorPasses) {

    private static final Pattern STRING = Pattern.compile("\"([A-Za-z0-9._-]*)\"");

    static BenchSetup create(URI base, int venues, int persons) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        base.resolve("/api/v1/bench/setup?venues=" + venues + "&persons=" + persons))
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/v1/bench/setup answered " + response.statusCode()
                    + "; is the server running with --jiaxing.bench.enabled=true?");
        }
        String json = response.body();
        int passesAt = json.indexOf("\"visitorPasses\"");
        int tokensAt = json.indexOf("\"venueTokens\"");
        String[] tokens = strings(json, tokensAt, tokensAt < passesAt ? passesAt : json.length());
        String[] passes = strings(json, passesAt, passesAt < tokensAt ? tokensAt : json.length());
        if (tokens.length != venues || passes.length != persons) {
            throw new IllegalStateException("setup answered " + tokens.length + " tokens and " + passes.length
                    + " passes, expected " + venues + " and " + persons);
        }
        return new BenchSetup(tokens, passes);
    }

    /** The string values of the array that follows the field name at {@code from}. */
    private static String[] strings(String json, int from, int to) {
        int open = json.indexOf('[', from);
        int close = json.indexOf(']', open);
        List<String> values = new ArrayList<>();
        Matcher matcher = STRING.matcher(json).region(open, Math.min(close, to));
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values.toArray(String[]::new);
    }
}
