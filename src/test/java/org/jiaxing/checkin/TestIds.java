package org.jiaxing.checkin;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Person and venue ids no other test of the same context uses, so tests never see each other's rows. */
public final class TestIds {

    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1L << 40));

    private TestIds() {
    }

    public static long person() {
        return NEXT.incrementAndGet();
    }

    public static long venue() {
        return NEXT.incrementAndGet();
    }
}
