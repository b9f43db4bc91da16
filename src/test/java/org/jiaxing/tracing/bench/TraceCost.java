package org.jiaxing.tracing.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a timed trace cost besides its time: the bytes all threads allocated during it and the collector's pauses
 * that fell inside it. The second degree's spread between runs came from young collections inside traces; these
 * say whether a change allocates less, whatever the machine's speed that minute.
 */
final class TraceCost {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Stop-the-world collectors only: concurrent cycles ("Cycles", "Concurrent") run beside the trace. */
    private static final List<GarbageCollectorMXBean> PAUSES = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(gc -> !gc.getName().contains("Cycles") && !gc.getName().contains("Concurrent")).toList();

    /** One measured action: its wall time, the bytes allocated meanwhile, the pauses inside it. */
    record Measured<T>(T value, double millis, double allocatedMb, long pauseMillis, long pauses) {
    }

    private TraceCost() {
    }

    static <T> Measured<T> measure(Supplier<T> action) {
        long allocated = THREADS.getTotalThreadAllocatedBytes();
        long pauseMillis = pauseMillis();
        long pauses = pauseCount();
        long started = System.nanoTime();
        T value = action.get();
        double millis = (System.nanoTime() - started) / 1e6;
        return new Measured<>(value, millis, (THREADS.getTotalThreadAllocatedBytes() - allocated) / 1e6,
                pauseMillis() - pauseMillis, pauseCount() - pauses);
    }

    static String collectors() {
        return String.join(", ", PAUSES.stream().map(GarbageCollectorMXBean::getName).toList());
    }

    private static long pauseMillis() {
        return PAUSES.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long pauseCount() {
        return PAUSES.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}
