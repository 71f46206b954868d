package io.kisflow.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A flow's cache (Go: go-cache with per-entry expiry). A zero, negative or null ttl keeps an entry
 * forever. Expired entries are dropped when read, and swept now and then when entries are added.
 */
final class FlowCache {
    private static final long FOREVER = Long.MAX_VALUE;
    private static final int SWEEP_EVERY = 1024;

    private record Entry(Object value, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private int setsSinceSweep;

    FlowCache(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    Object get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.expiresAt != FOREVER && nanoClock.getAsLong() - e.expiresAt >= 0) {
            entries.remove(key, e);
            return null;
        }
        return e.value;
    }

    void set(String key, Object value, Duration ttl) {
        Objects.requireNonNull(key, "cache key");
        if (value == null) {
            entries.remove(key);
            return;
        }
        long expiresAt = FOREVER;
        if (ttl != null && !ttl.isNegative() && !ttl.isZero()) {
            long now = nanoClock.getAsLong();
            long nanos = ttl.compareTo(Duration.ofDays(365 * 100)) > 0 ? Long.MAX_VALUE / 2 : ttl.toNanos();
            expiresAt = now + nanos;
            if (expiresAt == FOREVER) {
                expiresAt--;
            }
        }
        entries.put(key, new Entry(value, expiresAt));
        if (++setsSinceSweep >= SWEEP_EVERY) {
            setsSinceSweep = 0;
            long now = nanoClock.getAsLong();
            entries.values().removeIf(e -> e.expiresAt != FOREVER && now - e.expiresAt >= 0);
        }
    }
}
