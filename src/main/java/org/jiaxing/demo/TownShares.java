package org.jiaxing.demo;

import java.util.List;

/**
 * Splits each category's count over the towns. A town first gets its landmarks (平湖市第一人民医院 is
 * in 当湖街道, whatever the weights say); the rest goes by town weight times the category's affinity,
 * rounded by largest remainder so that every category ends at exactly its count. No randomness: the
 * distribution is the same for every seed.
 */
final class TownShares {

    private TownShares() {
    }

    /** {@code [town][category]} venue counts, in the order of {@link DemoData#towns()} and {@code categories()}. */
    static int[][] of(DemoData data) {
        List<TownProfile> towns = data.towns();
        List<CategoryProfile> categories = data.categories();
        int[][] shares = new int[towns.size()][categories.size()];
        for (int c = 0; c < categories.size(); c++) {
            CategoryProfile category = categories.get(c);
            double[] weights = new double[towns.size()];
            int landmarks = 0;
            for (int t = 0; t < towns.size(); t++) {
                String town = towns.get(t).code();
                if (category.existsIn(town)) {
                    shares[t][c] = category.landmarksIn(town).size();
                    landmarks += shares[t][c];
                    weights[t] = towns.get(t).weight() * category.affinity(town);
                }
            }
            int rest = category.count() - landmarks;
            if (rest < 0) {
                throw new IllegalStateException(category.code() + " has more landmarks than its count " + category.count());
            }
            int[] split = largestRemainder(rest, weights);
            for (int t = 0; t < towns.size(); t++) {
                shares[t][c] += split[t];
            }
        }
        return shares;
    }

    /** Splits {@code total} in proportion to {@code weights}; ties go to the earlier town. */
    static int[] largestRemainder(int total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        int[] split = new int[weights.length];
        if (total == 0) {
            return split;
        }
        if (sum <= 0) {
            throw new IllegalStateException("no town can take " + total + " venues");
        }
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            split[i] = (int) Math.floor(exact);
            remainders[i] = exact - split[i];
            given += split[i];
        }
        for (; given < total; given++) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            split[best]++;
            remainders[best] = -1;
        }
        return split;
    }
}
