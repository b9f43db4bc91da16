package org.jiaxing.demo;

/**
 * What the generator knows about one town: where its centre is, how many venues it gets relative to
 * the others, and the roads, villages and communities that venue names and addresses are made of.
 */
record TownProfile(String code, String name, String shortName, double longitude, double latitude, double spread,
        double weight, Weighted<String> roads, Weighted<String> villages, Weighted<String> communities) {
}
