package org.jiaxing.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Realistic scan bodies of {@code POST /api/v1/checkins}, one generator per connection: a venue's signed
 * token (busy venues far more often: a few supermarkets and transport hubs take most scans), a visitor's
 * pass out of the bench population, and a share of duplicates: the same person at the same venue again,
 * as when a visitor scans twice at the door. Tokens and passes are real ones, made by the server's setup
 * endpoint ({@link BenchSetup}), so the server does all of a scan's work. Bodies are about 170 bytes.
 */
final class Scans {

    private static final int RECENT = 512;

    private final double duplicateRate;
    private final SplittableRandom random;
    private final BenchSetup setup;
    private final int[] recentPersons = new int[RECENT];
    private final int[] recentVenues = new int[RECENT];
    private int recentCount;
    private int recentNext;

    Scans(double duplicateRate, long seed, BenchSetup setup) {
        this.duplicateRate = duplicateRate;
        this.random = new SplittableRandom(seed);
        this.setup = setup;
    }

    byte[] next() {
        int person;
        int venue;
        int venues = setup.venueTokens().length;
        if (recentCount > 0 && random.nextDouble() < duplicateRate) {
            int pick = random.nextInt(recentCount);
            person = recentPersons[pick];
            venue = recentVenues[pick];
        } else {
            person = random.nextInt(setup.visitorPasses().length);
            double u = random.nextDouble();
            venue = Math.min(venues - 1, (int) (venues * u * u * u)); // skewed: the first venues are the busy ones
            recentPersons[recentNext] = person;
            recentVenues[recentNext] = venue;
            recentNext = (recentNext + 1) % RECENT;
            recentCount = Math.min(RECENT, recentCount + 1);
        }
        return ("{\"venueToken\":\"" + setup.venueTokens()[venue] + "\",\"visitorPass\":\""
                + setup.visitorPasses()[person] + "\"}").getBytes(StandardCharsets.US_ASCII);
    }
}
