package org.jiaxing.demo;

import java.util.List;

import org.jiaxing.venue.VenueDraft;

/**
 * Makes the demo venue set of Pinghu (issue 2): 4,421 plausible venues over the 32 categories and the
 * nine towns, 210 of them medical, for seeding an empty embedded database.
 *
 * <p>The tables behind it live in {@code src/main/resources/demo/}: towns (centre, weight, roads,
 * villages, communities), categories (count, towns, landmarks, name templates, hours, visitors) and
 * word lists. How many venues of a category each town gets does not depend on the seed (landmarks
 * first, the rest by town weight × category affinity); names, addresses, coordinates, contacts,
 * hours and visitor numbers come from one {@code java.util.Random(seed)}, so the same seed always
 * gives an equal list and nothing depends on hash iteration order.
 *
 * <p>What the drafts look like:
 * <ul>
 * <li>codes {@code PH-0001} … {@code PH-4421}, ordered by town, then category;</li>
 * <li>names unique across the set; addresses {@code 浙江省平湖市当湖街道胜利路 218 号}, or
 *     {@code 浙江省平湖市广陈镇山塘村 3 组 58 号} for village venues;</li>
 * <li>coordinates (WGS-84) scattered around each town's centre and always inside Pinghu
 *     ({@value #MIN_LONGITUDE}–{@value #MAX_LONGITUDE} E, {@value #MIN_LATITUDE}–{@value #MAX_LATITUDE} N);
 *     about 5% have none, to show that they are optional;</li>
 * <li>a contact person and phone: an 11-digit mobile ({@code 13857312345}) or a Pinghu landline
 *     ({@code 0573-85123456});</li>
 * <li>opening hours {@code HH:mm-HH:mm}. An end before the start means the venue closes after
 *     midnight ({@code 14:00-02:00} for a KTV); {@code 00:00-23:59} means round the clock. A few
 *     venues have none, as do some expected daily visitor numbers.</li>
 * </ul>
 * Generating the whole set takes a few tens of milliseconds once the tables are loaded.
 */
public final class DemoVenueGenerator {

    /** The size of the demo set asked for in issue 2. */
    static final int VENUE_COUNT = 4_421;

    /**
     * Pinghu spans 120°57′–121°16′ E and 30°35′–30°52′ N; these bounds sit just inside that box, and the
     * southern one a little north of it so that venues near the coast stay out of Hangzhou Bay.
     */
    static final double MIN_LONGITUDE = 120.955;
    static final double MAX_LONGITUDE = 121.265;
    static final double MIN_LATITUDE = 30.59;
    static final double MAX_LATITUDE = 30.86;

    private DemoVenueGenerator() {
    }

    /** The demo venues for this seed; the same seed always gives an equal list. */
    public static List<VenueDraft> generate(long seed) {
        DemoData data = Tables.DATA;
        return new Generation(data, seed).run(TownShares.of(data));
    }

    /** Loads and checks the tables on first use, once: they are immutable and shared by all calls. */
    private static final class Tables {

        static final DemoData DATA = checked(DemoData.load());

        private static DemoData checked(DemoData data) {
            int total = data.categories().stream().mapToInt(CategoryProfile::count).sum();
            if (total != VENUE_COUNT) {
                throw new IllegalStateException("demo category counts add up to " + total + ", not " + VENUE_COUNT);
            }
            return data;
        }
    }
}
