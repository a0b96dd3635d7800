package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.LeaseLostException;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/**
 * Leases with fencing on a real Redis: one holder at a time however many race, renewed while the work runs,
 * released on completion, and a fence that refuses the final write of a holder whose lease was taken over.
 */
@SpringBootTest(classes = KitFixtureApplication.class, properties = "platform.outbox.relay-enabled=false")
@PlatformInfrastructure
class LeaseTests {

    @Autowired
    RedisStore store;

    private final List<Leases> replicas = new ArrayList<>();

    @AfterEach
    void stopRenewing() {
        replicas.forEach(Leases::close);
    }

    @Test
    void oneOfManyRacingReplicasGetsTheLeaseAndEveryNewHolderANewerToken() throws Exception {
        String name = "work-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Lease>>> tries = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Leases replica = replica("replica-" + i);
                tries.add(pool.submit(() -> replica.tryAcquire(name, Duration.ofSeconds(30))));
            }
            List<Lease> won = new ArrayList<>();
            for (Future<Optional<Lease>> attempt : tries) {
                attempt.get().ifPresent(won::add);
            }
            assertThat(won).hasSize(1);
            Lease first = won.get(0);
            first.release();

            Lease second = replica("next").tryAcquire(name, Duration.ofSeconds(30)).orElseThrow();
            assertThat(second.token()).isGreaterThan(first.token());
            assertThat(first.held()).isFalse();
            assertThat(second.held()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHolderWhoseLeaseLapsedAndWasTakenOverCannotWriteItsResultNorReleaseTheNewHoldersLease() {
        String name = "provisioning-" + UUID.randomUUID();
        String result = store.keys().key("result", name);
        Lease stale = replica("slow").tryAcquire(name, Duration.ofMillis(200)).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> !stale.held());
        Lease next = await().atMost(Duration.ofSeconds(5)).until(
                () -> replica("fast").tryAcquire(name, Duration.ofSeconds(30)), Optional::isPresent).orElseThrow();

        store.atomically().requireFence(next).hset(result, Map.of("by", "fast")).execute();
        assertThatThrownBy(() -> store.atomically().requireFence(stale).hset(result, Map.of("by", "slow")).execute())
                .isInstanceOf(LeaseLostException.class);
        assertThat(stale.renew()).as("the stale holder cannot take it back").isFalse();
        stale.release();

        assertThat(store.redis().hget(result, "by")).isEqualTo("fast");
        assertThat(replica("third").tryAcquire(name, Duration.ofSeconds(30))).as("still the fast one's").isEmpty();
        next.release();
        assertThat(replica("third").tryAcquire(name, Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void aRenewedLeaseOutlivesItsTimeAndALapsedOneNobodyTookGoesOnWithItsToken() {
        String name = "sync-" + UUID.randomUUID();
        Lease renewed = replica("worker").tryAcquire(name, Duration.ofMillis(300)).orElseThrow().keepRenewed();
        Leases other = replica("other");
        long started = System.nanoTime();
        // Well past three lease times, nobody else gets it while it is renewed.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(other.tryAcquire(name, Duration.ofSeconds(1))).isEmpty();
            return System.nanoTime() - started > Duration.ofMillis(1200).toNanos();
        });
        assertThat(renewed.held()).isTrue();
        store.atomically().requireFence(renewed).set(store.keys().key("done", name), "1").execute();
        renewed.release();

        Lease paused = replica("paused").tryAcquire(name, Duration.ofMillis(100)).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> !paused.held());
        assertThat(paused.renew()).as("lapsed, but nobody took it: its token is still the latest").isTrue();
        assertThat(paused.held()).isTrue();
        store.atomically().requireFence(paused).set(store.keys().key("done", name), "2").execute();
    }

    @Test
    void aHolderThatStopsRenewingAbruptlyIsTakenOverAfterTheLeaseTime() {
        String name = "relay-" + UUID.randomUUID();
        Leases dying = replica("dying");
        Lease held = dying.tryAcquire(name, Duration.ofMillis(400)).orElseThrow().keepRenewed();
        Leases survivor = replica("survivor");
        assertThat(survivor.tryAcquire(name, Duration.ofSeconds(1))).isEmpty();

        dying.close();  // the process dies: no release, no more renewals

        Lease taken = await().atMost(Duration.ofSeconds(5)).until(() -> survivor.tryAcquire(name,
                Duration.ofSeconds(1)), Optional::isPresent).orElseThrow();
        assertThat(taken.token()).isGreaterThan(held.token());
        assertThat(held.held()).isFalse();
    }

    private Leases replica(String holder) {
        Leases leases = new Leases(store.redis(), store.keys(), holder);
        replicas.add(leases);
        return leases;
    }
}
