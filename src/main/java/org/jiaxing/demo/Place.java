package org.jiaxing.demo;

import java.util.Random;

/**
 * Where one venue is: its town and the road, village and community picked for it, so that the name
 * ("胜利路菜市场") and the address ("…胜利路 218 号") tell the same story.
 */
record Place(TownProfile town, String road, String village, String community) {

    static final String TOWN = "town";
    static final String SHORT = "short";
    static final String ROAD = "road";
    static final String VILLAGE = "village";
    static final String COMMUNITY = "community";

    static Place pick(TownProfile town, Random random) {
        return new Place(town, town.roads().pick(random), town.villages().pick(random),
                town.communities().pick(random));
    }

    static boolean isPlaceholder(String name) {
        return switch (name) {
            case TOWN, SHORT, ROAD, VILLAGE, COMMUNITY -> true;
            default -> false;
        };
    }

    String placeholder(String name) {
        return switch (name) {
            case TOWN -> town.name();
            case SHORT -> town.shortName();
            case ROAD -> road;
            case VILLAGE -> village;
            case COMMUNITY -> community;
            default -> throw new IllegalArgumentException("not a place placeholder: " + name);
        };
    }
}
