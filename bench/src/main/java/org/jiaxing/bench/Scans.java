package org.jiaxing.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Realistic scan bodies, one generator per connection: a venue (busy ones far more often: a few
 * supermarkets and transport hubs take most scans), a visitor out of a large population with a
 * consistent identity (valid 18-digit ID number with its check character, mobile number, Chinese
 * name), and a share of duplicates: the same person at the same venue again, as when a visitor scans
 * twice at the door. Bodies are ~230 bytes of UTF-8 JSON, the shape of {@code POST /api/v1/checkins}.
 */
final class Scans {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "沈", "陆", "顾"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
        "杰", "娟", "涛", "明", "超", "秀英", "建华", "晓东", "海燕", "志强", "国平", "嘉禾"};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final int RECENT = 512;
    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1940, 1, 1);

    private final int venues;
    private final int persons;
    private final double duplicateRate;
    private final SplittableRandom random;
    private final String[] venueTokens;
    private final long[] recentPersons = new long[RECENT];
    private final long[] recentVenues = new long[RECENT];
    private int recentCount;
    private int recentNext;

    Scans(int venues, int persons, double duplicateRate, long seed, String[] venueTokens) {
        this.venues = venues;
        this.persons = persons;
        this.duplicateRate = duplicateRate;
        this.random = new SplittableRandom(seed);
        this.venueTokens = venueTokens;
    }

    /** Token-like strings per venue (43 base64url characters, the length of a real venue code). */
    static String[] venueTokens(int venues) {
        String[] tokens = new String[venues + 1];
        SplittableRandom random = new SplittableRandom(7);
        for (int venue = 1; venue <= venues; venue++) {
            byte[] bytes = new byte[32];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            tokens[venue] = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return tokens;
    }

    byte[] next() {
        long person;
        long venue;
        if (recentCount > 0 && random.nextDouble() < duplicateRate) {
            int pick = random.nextInt(recentCount);
            person = recentPersons[pick];
            venue = recentVenues[pick];
        } else {
            person = 1 + random.nextInt(persons);
            double u = random.nextDouble();
            venue = 1 + (long) (venues * u * u * u); // skewed: low ids are the busy venues
            recentPersons[recentNext] = person;
            recentVenues[recentNext] = venue;
            recentNext = (recentNext + 1) % RECENT;
            recentCount = Math.min(RECENT, recentCount + 1);
        }
        return body(person, venue).getBytes(StandardCharsets.UTF_8);
    }

    private String body(long person, long venue) {
        return "{\"venueToken\":\"" + venueTokens[(int) venue] + "\",\"idNumber\":\"" + idNumber(person)
                + "\",\"phone\":\"" + phone(person) + "\",\"name\":\"" + name(person) + "\",\"personId\":" + person
                + ",\"venueId\":" + venue + "}";
    }

    /** 330482 (平湖市), a birth date between 1940 and 2015, a sequence, the GB 11643 check character. */
    static String idNumber(long person) {
        int daysSince1940 = (int) ((person * 7919) % 27_393);
        LocalDate birth = FIRST_BIRTHDAY.plusDays(daysSince1940);
        StringBuilder id = new StringBuilder(18).append("330482");
        padded(id, birth.getYear(), 4);
        padded(id, birth.getMonthValue(), 2);
        padded(id, birth.getDayOfMonth(), 2);
        padded(id, person % 1000, 3);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return id.append("10X98765432".charAt(sum % 11)).toString();
    }

    static String phone(long person) {
        StringBuilder phone = new StringBuilder(11).append("13").append(5 + person % 5);
        return padded(phone, person % 100_000_000, 8).toString();
    }

    /** Cheaper than String.format, which would cost the load generator CPU the server needs. */
    private static StringBuilder padded(StringBuilder into, long value, int width) {
        String digits = Long.toString(value);
        into.repeat('0', width - digits.length());
        return into.append(digits);
    }

    static String name(long person) {
        return SURNAMES[(int) (person % SURNAMES.length)] + GIVEN[(int) ((person / SURNAMES.length) % GIVEN.length)];
    }
}
