package io.ringtrade.adapters.venue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Interns the venue's order ids (strings: UUIDs, numbers) to the long key that travels on the ring in
 * {@code venueOrderId}, so strings stay off the ring. The key is a 63-bit FNV-1a hash of the id's bytes, so the same
 * venue id gets the same key in every process and journal dumps stay comparable across restarts; numeric ids that
 * fit are kept as they are. Adapter thread.
 */
public final class VenueIds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Map<Long, String> byKey = new HashMap<>();

    /** The key of a venue id (0 for null or ""). */
    public long intern(final String venueOrderId) {
        if (venueOrderId == null || venueOrderId.isEmpty()) {
            return 0;
        }
        final long key = key(venueOrderId);
        byKey.putIfAbsent(key, venueOrderId);
        return key;
    }

    /** The venue id of a key interned in this process, or null. */
    public String lookup(final long key) {
        return byKey.get(key);
    }

    /** The stable key of a venue id. */
    public static long key(final String venueOrderId) {
        if (venueOrderId.length() < 19 && venueOrderId.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(venueOrderId);
        }
        long hash = FNV_OFFSET;
        for (final byte b : venueOrderId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return (hash & Long.MAX_VALUE) == 0 ? 1 : hash & Long.MAX_VALUE;
    }
}
