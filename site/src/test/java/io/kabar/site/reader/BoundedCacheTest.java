package io.kabar.site.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    private final BoundedCache<String, String> cache = new BoundedCache<>(10, String::length);

    @Test
    void forgetsTheLeastRecentlyReadEntriesOnceTheValuesWeighMoreThanTheCapacity() {
        cache.put("a", "aaaa");
        cache.put("b", "bbbb");
        cache.get("a");
        cache.put("c", "cccc");

        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo("aaaa");
        assertThat(cache.get("c")).isEqualTo("cccc");
        assertThat(cache.weight()).isEqualTo(8);
    }

    @Test
    void aReplacedValueWeighsOnlyOnceAndAValueHeavierThanTheCapacityIsNotKept() {
        cache.put("a", "aaaa");
        cache.put("a", "aaaaaa");
        assertThat(cache.weight()).isEqualTo(6);

        cache.put("big", "x".repeat(11));
        assertThat(cache.get("big")).isNull();
        assertThat(cache.size()).isZero();
        assertThat(cache.weight()).isZero();
    }
}
