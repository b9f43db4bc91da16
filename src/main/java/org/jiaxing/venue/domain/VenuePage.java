package org.jiaxing.venue.domain;

import java.util.List;

/**
 * One page of a venue list.
 *
 * @param page zero-based
 */
public record VenuePage(List<VenueDetails> items, int page, int size, long total) {

    public VenuePage {
        items = List.copyOf(items);
    }
}
