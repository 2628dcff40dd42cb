package io.kabar.site.reader;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A map that forgets its least recently used entries once its values together weigh more than its capacity (bytes
 * of rendered HTML, here), so that caching pages can never grow the heap past a configured bound.
 */
final class BoundedCache<K, V> {

    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final ToLongFunction<V> weight;
    private final long capacity;
    private long total;

    /** A capacity of 0 keeps nothing. */
    BoundedCache(long capacity, ToLongFunction<V> weight) {
        this.capacity = capacity;
        this.weight = weight;
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    /** Keeps the value, then forgets the least recently used entries (this one too if alone it is too heavy). */
    synchronized void put(K key, V value) {
        V old = entries.put(key, value);
        if (old != null) {
            total -= weight.applyAsLong(old);
        }
        total += weight.applyAsLong(value);
        for (Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator(); total > capacity && eldest.hasNext(); ) {
            total -= weight.applyAsLong(eldest.next().getValue());
            eldest.remove();
        }
    }

    synchronized long weight() {
        return total;
    }

    synchronized int size() {
        return entries.size();
    }
}
