package org.jiaxing.health.domain;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jiaxing.health.HealthStatus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Every YELLOW and RED status, in memory. The door scan asks for a status on every check-in (thousands
 * a second at peak) and must not wait on a query; almost everybody is GREEN, which here is simply
 * "absent", so the map stays small even in a large outbreak (tens of thousands of entries). It is
 * filled before the server takes requests and refreshed from the database after every committed
 * assignment. Expiry needs no job: a status past its {@code until} reads as GREEN and is dropped then.
 *
 * <p>One process holds the truth here. When the city runs several nodes, assignments must also be
 * broadcast to the other nodes (or their caches reloaded); see docs/SECURITY-persons.md.
 */
@Component
class NotGreenCache implements SmartInitializingSingleton {

    private final HealthStatusStore store;
    private final Map<Long, HealthStatus> notGreen = new ConcurrentHashMap<>();

    NotGreenCache(HealthStatusStore store) {
        this.store = store;
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.allNotGreen().forEach(status -> notGreen.put(status.personId(), status));
    }

    /** The status in effect at {@code now}: GREEN by default or after expiry. */
    HealthStatus current(long personId, Instant now) {
        HealthStatus cached = notGreen.get(personId);
        if (cached == null) {
            return HealthStatus.greenByDefault(personId);
        }
        if (cached.expiredAt(now)) {
            notGreen.remove(personId, cached); // only this entry: a newer assignment may have replaced it
        }
        return cached.at(now);
    }

    /**
     * Re-reads one person's status; called after the assignment's transaction committed. Reading inside
     * {@code compute} serialises refreshes of the same person, so two quick assignments cannot leave the
     * older one behind: the last refresh reads what the last commit wrote.
     */
    void refresh(long personId) {
        notGreen.compute(personId, (id, old) -> store.find(id).filter(HealthStatus::refusesEntry).orElse(null));
    }

    int size() {
        return notGreen.size();
    }
}
