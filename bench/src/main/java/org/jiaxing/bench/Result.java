package org.jiaxing.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One measured period of one target: successful responses per second and the latency of every
 * response (microseconds, from writing the request to reading the whole answer), errors apart.
 */
record Result(Target target, long ok, Map<Integer, Long> errorStatuses, long ioErrors, Histogram latencyMicros,
        double seconds, long serverCpuMicros) {

    Result(Target target, long ok, Map<Integer, Long> errorStatuses, long ioErrors, Histogram latencyMicros,
            double seconds) {
        this(target, ok, errorStatuses, ioErrors, latencyMicros, seconds, -1);
    }

    /** @param micros CPU time the server process used while measured; negative when unknown */
    Result withServerCpu(long micros) {
        return new Result(target, ok, errorStatuses, ioErrors, latencyMicros, seconds, micros);
    }

    /**
     * Server CPU time per answered request (µs), all of the server's threads: robust to a noisy machine,
     * where req/s is not. Negative when unknown.
     */
    double cpuPerRequest() {
        long answered = ok + errors();
        return serverCpuMicros < 0 || answered == 0 ? -1 : (double) serverCpuMicros / answered;
    }

    double rate() {
        return ok / seconds;
    }

    double p50Millis() {
        return latencyMicros.getValueAtPercentile(50) / 1000.0;
    }

    double p99Millis() {
        return latencyMicros.getValueAtPercentile(99) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }

    long errors() {
        return ioErrors + errorStatuses.values().stream().mapToLong(Long::longValue).sum();
    }

    String errorSummary() {
        if (errors() == 0) {
            return "0";
        }
        Map<String, Long> parts = new TreeMap<>();
        errorStatuses.forEach((status, count) -> parts.put("HTTP " + status, count));
        if (ioErrors > 0) {
            parts.put("I/O", ioErrors);
        }
        return errors() + " " + parts;
    }
}
