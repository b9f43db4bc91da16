package org.jiaxing.demo;

import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The word lists of {@code demo/pinghu-words.properties} and the expansion of name templates: each
 * {@code {x}} becomes the venue's town, road, village or community, or a pick from the list {@code x},
 * whose entries may hold placeholders themselves ({@code estate = {estatePrefix}{estateSuffix}}).
 */
final class Words {

    private static final int MAX_DEPTH = 4;

    /** Only ever looked up by key, never iterated, so its hash order cannot leak into the output. */
    private final Map<String, Weighted<String>> lists;

    Words(Map<String, Weighted<String>> lists) {
        this.lists = Map.copyOf(lists);
    }

    String expand(String pattern, Place place, Random random) {
        return expand(pattern, place, random, 0);
    }

    private String expand(String pattern, Place place, Random random, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("word lists nest too deep at " + pattern);
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int from = 0;
        for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', from)) {
            int close = pattern.indexOf('}', open);
            String name = pattern.substring(open + 1, close);
            out.append(pattern, from, open);
            if (Place.isPlaceholder(name)) {
                out.append(place.placeholder(name));
            } else {
                out.append(expand(list(name).pick(random), place, random, depth + 1));
            }
            from = close + 1;
        }
        return out.append(pattern, from, pattern.length()).toString();
    }

    /** Fails unless every placeholder in the pattern, and in the lists it uses, can be filled. */
    void checkResolvable(String pattern) {
        checkResolvable(pattern, 0);
    }

    private void checkResolvable(String pattern, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("word lists nest too deep at " + pattern);
        }
        placeholders(pattern, name -> {
            if (!Place.isPlaceholder(name)) {
                list(name).items().forEach(entry -> checkResolvable(entry, depth + 1));
            }
        });
    }

    private static void placeholders(String pattern, Consumer<String> action) {
        for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', open + 1)) {
            int close = pattern.indexOf('}', open);
            if (close < 0) {
                throw new IllegalStateException("unclosed { in " + pattern);
            }
            action.accept(pattern.substring(open + 1, close));
        }
    }

    private Weighted<String> list(String name) {
        Weighted<String> list = lists.get(name);
        if (list == null) {
            throw new IllegalStateException("no word list \"word." + name + "\" for {" + name + "}");
        }
        return list;
    }
}
