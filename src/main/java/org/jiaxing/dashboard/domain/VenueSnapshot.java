package org.jiaxing.dashboard.domain;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiaxing.venue.VenueChanged;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueFilter;
import org.jiaxing.venue.VenueRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every venue of the city in memory, read once from the registry and again after a venue was registered
 * or changed (lazily, on the next use), so that counting and views never ask the registry per venue.
 */
@Component
public class VenueSnapshot {

    private final VenueDirectory directory;
    private volatile Map<Long, VenueFacts> venues;

    VenueSnapshot(VenueDirectory directory) {
        this.directory = directory;
    }

    public Map<Long, VenueFacts> all() {
        Map<Long, VenueFacts> current = venues;
        if (current == null) {
            current = directory.findAll(VenueFilter.any()).stream().map(VenueFacts::of)
                    .collect(Collectors.toUnmodifiableMap(VenueFacts::id, Function.identity()));
            venues = current;
        }
        return current;
    }

    /** The venue; a venue not in the snapshot reloads it once (it may just have been registered). */
    public VenueFacts get(long id) {
        VenueFacts facts = all().get(id);
        if (facts == null) {
            venues = null;
            facts = all().get(id);
        }
        return facts != null ? facts : VenueFacts.unknown(id);
    }

    @EventListener
    void on(VenueRegistered registered) {
        venues = null;
    }

    @EventListener
    void on(VenueChanged changed) {
        venues = null;
    }
}
