package org.jiaxing.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's check-in writer counters ({@code GET /api/v1/bench/stats}), read before and after a
 * group-commit measurement to show how many requests shared a transaction and how busy the writer was.
 */
record WriterStats(long transactions, long requests, long writerBusyMillis) {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static WriterStats read(URI base) throws IOException, InterruptedException {
        String json = CLIENT.send(HttpRequest.newBuilder(base.resolve("/api/v1/bench/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new WriterStats(number(json, "transactions"), number(json, "requests"), number(json, "writerBusyMillis"));
    }

    private static long number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    /** "4,210 transactions, 29.3 requests each, writer busy 97%" over {@code seconds} of wall time. */
    String since(WriterStats before, double seconds) {
        long tx = transactions - before.transactions;
        long req = requests - before.requests;
        double busy = (writerBusyMillis - before.writerBusyMillis) / 10.0 / seconds;
        return String.format(java.util.Locale.ROOT, "%,d transactions, %.1f requests each, writer busy %.0f%%", tx,
                tx == 0 ? 0.0 : (double) req / tx, busy);
    }
}
