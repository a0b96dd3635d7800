package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A stream entry written by an atomic write on a real Redis: it lands with the change it announces, never without
 * it (a failed precondition writes neither), keeps its fields in order, and the stream stays near its length cap.
 */
@SpringBootTest(classes = KitFixtureApplication.class, properties = "platform.outbox.relay-enabled=false")
@PlatformInfrastructure
class StreamEntryTests {

    @Autowired
    RedisStore store;

    @Test
    void anEntryIsWrittenInTheSameStepAsTheChangeItAnnounces() {
        String feed = store.keys().key("feed", UUID.randomUUID().toString());
        String record = store.keys().key("record", UUID.randomUUID().toString());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "conclusion");
        fields.put("sessionId", "s-1");
        fields.put("revision", "2");

        store.atomically().hset(record, Map.of("revision", "2")).xadd(feed, 100, fields).execute();

        List<StreamEntry> entries = store.redis().xrange(feed, (StreamEntryID) null, (StreamEntryID) null);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getFields()).containsExactlyEntriesOf(fields);
        assertThat(store.redis().hget(record, "revision")).isEqualTo("2");
    }

    @Test
    void aFailedPreconditionWritesNeitherTheChangeNorTheEntry() {
        String feed = store.keys().key("feed", UUID.randomUUID().toString());
        String record = store.keys().key("record", UUID.randomUUID().toString());
        store.redis().hset(record, "revision", "3");

        assertThatThrownBy(() -> store.atomically()
                .requireField(record, "revision", "2", () -> new ConflictException("changed-concurrently",
                        "problem.conflict"))
                .hset(record, Map.of("revision", "4"))
                .xadd(feed, 100, Map.of("type", "conclusion")).execute())
                .isInstanceOf(ConflictException.class);

        assertThat(store.redis().exists(feed)).isFalse();
        assertThat(store.redis().hget(record, "revision")).isEqualTo("3");
    }

    @Test
    void theStreamIsTrimmedNearItsCapKeepingTheNewestEntries() {
        String feed = store.keys().key("feed", UUID.randomUUID().toString());
        for (int i = 0; i < 1_000; i++) {
            store.atomically().xadd(feed, 50, Map.of("n", Integer.toString(i))).execute();
        }
        long length = store.redis().xlen(feed);
        // "~": Redis trims whole nodes only, so the stream keeps at least the cap and at most a node more.
        assertThat(length).isBetween(50L, 250L);
        List<StreamEntry> newest = store.redis().xrevrange(feed, "+", "-", 1);
        assertThat(newest.get(0).getFields()).containsEntry("n", "999");
    }

    @Test
    void anEntryWithoutFieldsOrCapIsRefusedBeforeRedis() {
        assertThatThrownBy(() -> store.atomically().xadd("feed", 10, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.atomically().xadd("feed", 0, Map.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
