package org.jiaxing.demo;

import java.util.List;
import java.util.Map;

/**
 * How many venues of one category Pinghu has, in which towns, and what they are called and like.
 *
 * @param towns        the towns where the category exists, in town order
 * @param affinity     multiplies a town's weight for this category; towns not listed count 1
 * @param landmarks    named venues per town (every town listed in {@code towns} has an entry)
 * @param names        the name templates per town
 * @param hours        opening hours, {@link Template#NO_HOURS} for none
 * @param landlineShare how many contacts answer a 0573 landline rather than a mobile
 */
record CategoryProfile(String code, int count, List<String> towns, Map<String, Double> affinity,
        Map<String, List<Template>> landmarks, Map<String, Weighted<Template>> names, Weighted<String> hours,
        Range visitors, double landlineShare, Range houseNumbers) {

    boolean existsIn(String town) {
        return towns.contains(town);
    }

    double affinity(String town) {
        return affinity.getOrDefault(town, 1.0);
    }

    List<Template> landmarksIn(String town) {
        return landmarks.getOrDefault(town, List.of());
    }

    Weighted<Template> namesIn(String town) {
        return names.get(town);
    }
}
