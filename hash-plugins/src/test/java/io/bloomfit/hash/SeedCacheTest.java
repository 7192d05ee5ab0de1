package io.bloomfit.hash;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-seed cache returns the object built for the asked seed and never thrashes on up to WAYS seeds. */
class SeedCacheTest {

    @Test
    void alternatingSeedsInOneSetAreEachBuiltOnce() {
        // Worst case for a cache: WAYS seeds that all fall into the same set, used alternately as a k-lookup layout does.
        SplittableRandom random = new SplittableRandom(7);
        long first = random.nextLong();
        List<Long> sameSet = new ArrayList<>(List.of(first));
        while (sameSet.size() < SeedCache.WAYS) {
            long candidate = random.nextLong();
            if (SeedCache.set(candidate) == SeedCache.set(first)) {
                sameSet.add(candidate);
            }
        }
        AtomicInteger builds = new AtomicInteger();
        SeedCache<Long> cache = new SeedCache<>(seed -> {
            builds.incrementAndGet();
            return seed;
        });
        for (int round = 0; round < 100; round++) {
            for (long seed : sameSet) {
                assertThat(cache.forSeed(seed)).isEqualTo(seed);
            }
        }
        assertThat(builds).hasValue(SeedCache.WAYS);
    }

    @Test
    void moreSeedsThanWaysStillGetTheirOwnObject() {
        SeedCache<Long> cache = new SeedCache<>(seed -> seed);
        SplittableRandom random = new SplittableRandom(11);
        long[] seeds = random.longs(5_000).toArray();
        for (int round = 0; round < 3; round++) {
            for (long seed : seeds) {
                assertThat(cache.forSeed(seed)).isEqualTo(seed);
            }
        }
    }
}
