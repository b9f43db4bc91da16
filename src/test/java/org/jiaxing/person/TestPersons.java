package org.jiaxing.person;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test identities: valid ID numbers (check character computed, not hard-coded) and phone numbers, each
 * unique within the test run, since test classes with the same configuration share one database.
 */
public final class TestPersons {

    /** Pinghu's region code. */
    public static final String PINGHU = "330482";

    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();
    private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000));

    private TestPersons() {
    }

    /** A fresh valid ID number of someone born between 1940 and 2015. */
    public static String idNumber() {
        while (true) {
            LocalDate born = LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(75 * 365));
            String id = idNumber(PINGHU, born, ThreadLocalRandom.current().nextInt(1000));
            if (ISSUED.add(id)) {
                return id;
            }
        }
    }

    /** A valid ID number with the given parts and a correct check character. */
    public static String idNumber(String region, LocalDate born, int sequence) {
        String first17 = region + born.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** A fresh valid mobile number. */
    public static String phone() {
        return "139" + PHONES.incrementAndGet();
    }

    public static PersonDetails details(String name) {
        return PersonDetails.of(name, phone(), idNumber());
    }
}
