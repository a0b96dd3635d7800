package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/**
 * The sorted-set preconditions of an atomic write on a real Redis: a member still there (or not),
 * and a set kept below a size by the same step that adds to it, however many threads race.
 */
@SpringBootTest(classes = KitFixtureApplication.class, properties = "platform.outbox.relay-enabled=false")
@PlatformInfrastructure
class SortedSetConditionsTests {

    @Autowired
    RedisStore store;

    @Test
    void aMemberThatLeftFailsTheRankedCheckAndWritesNothing() {
        String queue = store.keys().key("queue", UUID.randomUUID().toString());
        String taken = store.keys().key("taken", UUID.randomUUID().toString());
        store.atomically().zadd(queue, 1, "ana").execute();

        store.atomically().requireRanked(queue, "ana", SortedSetConditionsTests::stale)
                .requireUnranked(taken, "ana", SortedSetConditionsTests::stale)
                .zrem(queue, "ana").zadd(taken, 1, "ana").execute();

        // A second hand-on of the same person (read before the first one landed) must change nothing.
        assertThatThrownBy(() -> store.atomically().requireRanked(queue, "ana", SortedSetConditionsTests::stale)
                .zrem(queue, "ana").zadd(taken, 2, "ana").hincrBy(taken + ":count", "n", 1).execute())
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.atomically().requireUnranked(taken, "ana", SortedSetConditionsTests::stale)
                .hincrBy(taken + ":count", "n", 1).execute())
                .isInstanceOf(ConflictException.class);
        assertThat(store.redis().zscore(taken, "ana")).isEqualTo(1.0);
        assertThat(store.redis().exists(taken + ":count")).isFalse();
    }

    @Test
    void aSetGuardedBySizeNeverGrowsPastItsLimitUnderARace() throws Exception {
        String places = store.keys().key("places", UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> tries = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String member = "p" + i;
                tries.add(pool.submit(() -> {
                    try {
                        store.atomically().requireSizeBelow(places, 7, SortedSetConditionsTests::stale)
                                .zadd(places, 1, member).execute();
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                }));
            }
            long won = 0;
            for (Future<Boolean> attempt : tries) {
                won += attempt.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(7);
            assertThat(store.redis().zcard(places)).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ConflictException stale() {
        return new ConflictException("changed-concurrently", "problem.conflict");
    }
}
