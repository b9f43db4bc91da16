package org.jiaxing.shared.cache;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A bounded in-memory read-through cache for the hot scan path (one node): lock-free reads, loads outside
 * any lock, and invalidation that cannot be undone by a load that raced with it. Every invalidation
 * bumps an epoch; a load puts its value and then checks the epoch it started with: if an invalidation
 * happened in between, the value it read may be older than the change, so it takes it out again.
 * Invalidate <em>after</em> the change is committed (and, for safety, also when it is made).
 *
 * <p>When full, arbitrary entries make room (no LRU bookkeeping on reads): the cache is sized for the
 * hot set, and a miss only costs the load.
 *
 * @param <K> key
 * @param <V> value; absent values are not cached
 */
public final class ReadThroughCache<K, V> {

    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final int capacity;

    public ReadThroughCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** The cached value, or what {@code loader} finds (cached unless an invalidation raced with it). */
    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        V cached = entries.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long startedAt = epoch.get();
        Optional<V> loaded = loader.apply(key);
        loaded.ifPresent(value -> put(key, value, startedAt));
        return loaded;
    }

    /** The cached value or {@code null}; for callers that load themselves (see {@link #epoch}). */
    public V peek(K key) {
        return entries.get(key);
    }

    /** Take this before loading, and hand it to {@link #put}. */
    public long epoch() {
        return epoch.get();
    }

    /** Caches a value loaded after {@link #epoch} returned {@code startedAt}, unless invalidated since. */
    public void put(K key, V value, long startedAt) {
        if (entries.size() >= capacity) {
            makeRoom();
        }
        entries.put(key, value);
        if (epoch.get() != startedAt) {
            entries.remove(key, value);
        }
    }

    private void makeRoom() {
        Iterator<K> keys = entries.keySet().iterator();
        for (int i = 0; i < 16 && keys.hasNext(); i++) {
            keys.next();
            keys.remove();
        }
    }

    /** Forgets the key; loads that started before this call do not cache what they read. */
    public void invalidate(K key) {
        epoch.incrementAndGet();
        entries.remove(key);
    }

    /**
     * Forgets the entries whose value matches (a walk over all of them: for rare changes that concern a few
     * entries, where forgetting everything would make every other key pay its load again); loads that started
     * before this call do not cache what they read, whatever their key.
     */
    public void invalidateIf(Predicate<? super V> stale) {
        epoch.incrementAndGet();
        entries.values().removeIf(stale);
    }

    /** Forgets everything; loads that started before this call do not cache what they read. */
    public void invalidateAll() {
        epoch.incrementAndGet();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
