package org.jiaxing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU used during a measurement by the server, by this load generator and by everything else on the
 * machine (from /proc, in cores). On a shared machine "others" says how much of the result is noise.
 * Reads nothing and prints nothing where /proc is missing.
 */
record CpuUse(long totalTicks, long serverTicks, long selfTicks, long nanos) {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    static CpuUse now(long serverPid) {
        return new CpuUse(machineBusyTicks(), processTicks(serverPid <= 0 ? null : String.valueOf(serverPid)),
                processTicks("self"), System.nanoTime());
    }

    String since(CpuUse start) {
        if (totalTicks < 0) {
            return "";
        }
        double seconds = (nanos - start.nanos) / 1e9;
        double total = (totalTicks - start.totalTicks) / TICKS_PER_SECOND / seconds;
        double self = (selfTicks - start.selfTicks) / TICKS_PER_SECOND / seconds;
        if (serverTicks < 0) {
            return String.format(Locale.ROOT, "cpu: load generator %.2f, everything else %.2f cores", self,
                    total - self);
        }
        double server = (serverTicks - start.serverTicks) / TICKS_PER_SECOND / seconds;
        return String.format(Locale.ROOT, "cpu: server %.2f, load generator %.2f, others %.2f cores", server, self,
                Math.max(0, total - server - self));
    }

    /** CPU time (µs) the server used since {@code start}; negative when unknown. */
    long serverMicrosSince(CpuUse start) {
        if (serverTicks < 0 || start.serverTicks < 0) {
            return -1;
        }
        return (long) ((serverTicks - start.serverTicks) * (1_000_000 / TICKS_PER_SECOND));
    }

    /** user + nice + system + irq + softirq + steal of the "cpu" line of /proc/stat. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of /proc/{pid}/stat (fields 14 and 15, counted after the command name). */
    private static long processTicks(String pid) {
        if (pid == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
