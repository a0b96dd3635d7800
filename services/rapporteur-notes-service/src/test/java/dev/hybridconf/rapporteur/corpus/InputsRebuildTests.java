package dev.hybridconf.rapporteur.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.messaging.ViewRebuilds;
import dev.hybridconf.rapporteur.live.LiveEntry;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.TestTokens;

/**
 * The inputs view rebuilt from {@code session.events} on the real Kafka and Redis: the copy, the conclusions, the lock
 * decisions come back as they were, and each day's corpus version ends where it was (the replay counts the same
 * effective changes once each: no extra bump), as does the live stream.
 */
class InputsRebuildTests extends InputsIntegrationTest {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @Autowired
    ViewRebuilds rebuilds;

    @Test
    void aRebuildGivesTheSameCopyAndTheSameVersions() {
        InputsHistory h = InputsHistory.full("inputs-rebuild-2021");
        h.send(KafkaProbe.shared(), topics.physical("session.events"), h.events());
        String c = h.conferenceId();
        await().atMost(DEADLINE).until(() -> h.complete(programme, corpus));
        String before = h.snapshot(programme, corpus);
        Map<String, String> versions = store.redis().hgetAll(marks.versionKey(c));
        long entries = store.redis().xlen(LiveEntry.streamKey(store.keys(), c));
        assertThat(versions).isNotEmpty();

        rebuilds.rebuild(rebuilds.find("rapporteur-inputs").orElseThrow());

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(h.snapshot(programme, corpus)).isEqualTo(before);
            assertThat(store.redis().hgetAll(marks.versionKey(c))).isEqualTo(versions);
        });
        assertThat(store.redis().xlen(LiveEntry.streamKey(store.keys(), c))).isEqualTo(entries);
    }
}
