package dev.hybridconf.rapporteur.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hybridconf.rapporteur.corpus.LockState;
import dev.hybridconf.testinfra.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XTrimParams;
import tools.jackson.databind.JsonNode;

/**
 * The live stream on a real Redis: the snapshot first and at once, then each entry the inputs add to the
 * conference's stream as an event with the entry's id; a reconnecting browser gets what it missed, or a snapshot
 * when the stream no longer holds it; a browser that does not keep up is dropped without holding up the others;
 * refusals are problem details before any stream opens; ending a stream logs no access-denied error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.rapporteur.live.queue-limit=50",
        "platform.rapporteur.live.ping-interval=300ms",
        "platform.rapporteur.live.max-subscribers=4"})
class LiveStreamTests extends LiveIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @Autowired
    LiveFeed feed;

    @Autowired
    MeterRegistry meters;

    String stream;
    private final List<SseClient> clients = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void seminar() {
        openSeminar("live-stream");
        stream = LiveEntry.streamKey(store.keys(), fixture.conferenceId);
        // streams of the previous test are gone once the server noticed their clients left (at the next ping)
        await().atMost(DEADLINE).until(() -> feed.subscribers() == 0);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SseClient::close);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private SseClient open(String token, String... headers) {
        SseClient client = SseClient.open(api.url(LiveApi.live(fixture.conferenceId, LiveFixture.DAY) + "/stream"),
                token, headers);
        clients.add(client);
        return client;
    }

    private StreamEntryID xadd(String type, String sessionId, long revision) {
        return store.redis().xadd(stream, StreamEntryID.NEW_ENTRY,
                new LiveEntry(type, sessionId, LiveFixture.DAY, revision).fields());
    }

    @Test
    void theSnapshotComesFirstThenEachNewEntryOfTheDayAsAnEvent() {
        StreamEntryID before = xadd("conclusion", fixture.housing, 2);
        SseClient client = open(api.rapporteur);

        assertThat(client.response.statusCode()).isEqualTo(200);
        assertThat(client.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(client.response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(client.response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        await().atMost(DEADLINE).until(() -> !client.events.isEmpty());
        SseClient.Event snapshot = client.events.get(0);
        assertThat(snapshot.name()).isEqualTo("snapshot");
        assertThat(snapshot.id()).isEqualTo(before.toString());
        assertThat(snapshot.retry()).isEqualTo("2000");
        JsonNode view = api.read(snapshot.data());
        assertThat(view.get("cursor").asString()).isEqualTo(before.toString());
        assertThat(view.get("reported").asInt()).isEqualTo(4);

        // the silent breakout reports; another day's entry never reaches this day's view
        corpus.post(fixture.conclusion(fixture.silent, 1, "es", "Movilidad para todos.", List.of("Mobility"),
                List.of(11), LockState.OPEN));
        xadd("conclusion", fixture.tomorrow, 1);
        StreamEntryID posted = xadd("conclusion", fixture.silent, 1);

        await().atMost(DEADLINE).until(() -> client.named("conclusion").size() == 1);
        SseClient.Event conclusion = client.named("conclusion").get(0);
        assertThat(conclusion.id()).isEqualTo(posted.toString());
        JsonNode change = api.read(conclusion.data());
        assertThat(change.get("conclusion").get("sessionId").asString()).isEqualTo(fixture.silent);
        assertThat(change.get("conclusion").get("title").asString()).isEqualTo("Quiet room");
        assertThat(change.get("conclusion").get("summary").asString()).isEqualTo("Movilidad para todos.");
        assertThat(change.get("groups").get(0).get("theme").asString()).isEqualTo("mobility");
        assertThat(change.get("reported").asInt()).isEqualTo(5);
        assertThat(change.get("expected").asInt()).isEqualTo(5);

        StreamEntryID lock = xadd("lock", fixture.housing, 0);
        StreamEntryID session = xadd("session", fixture.silent, 0);
        StreamEntryID trends = xadd("trends", null, 7);
        await().atMost(DEADLINE).until(() -> client.named("trends").size() == 1);
        assertThat(client.events).extracting(SseClient.Event::name)
                .containsExactly("snapshot", "conclusion", "lock", "session", "trends");
        assertThat(client.events).extracting(SseClient.Event::id).containsExactly(before.toString(),
                posted.toString(), lock.toString(), session.toString(), trends.toString());
        assertThat(api.read(client.named("lock").get(0).data()).get("locked").asBoolean()).isFalse();
        assertThat(api.read(client.named("session").get(0).data()).get("pending")).isEmpty();
        assertThat(api.read(client.named("trends").get(0).data()).get("corpusVersion").asLong()).isEqualTo(7);
        // an idle stream is kept alive by comments
        await().atMost(DEADLINE).until(() -> client.comments.contains("ping"));
    }

    @Test
    void aReconnectingBrowserGetsWhatItMissedSinceItsLastEventAndThenTheRest() {
        StreamEntryID seen = xadd("conclusion", fixture.housing, 2);
        StreamEntryID lock = xadd("lock", fixture.climate, 0);
        xadd("conclusion", fixture.tomorrow, 1);
        StreamEntryID session = xadd("session", fixture.silent, 0);

        SseClient client = open(api.organiser, "Last-Event-ID", seen.toString());

        await().atMost(DEADLINE).until(() -> client.events.size() == 2);
        assertThat(client.events).extracting(SseClient.Event::name).containsExactly("lock", "session");
        assertThat(client.events).extracting(SseClient.Event::id).containsExactly(lock.toString(), session.toString());
        assertThat(api.read(client.events.get(0).data()).get("locked").asBoolean()).isTrue();
        assertThat(client.events.get(0).retry()).as("the retry came with the resumption").isNull();

        StreamEntryID later = xadd("conclusion", fixture.finance, 1);
        await().atMost(DEADLINE).until(() -> client.events.size() == 3);
        assertThat(client.events.get(2).id()).isEqualTo(later.toString());
        assertThat(client.named("snapshot")).isEmpty();
    }

    @Test
    void aBrowserWhoseLastEventWasTrimmedAwayGetsASnapshotAgain() {
        StreamEntryID old = xadd("conclusion", fixture.housing, 1);
        xadd("conclusion", fixture.housing, 2);
        StreamEntryID last = xadd("conclusion", fixture.climate, 1);
        store.redis().xtrim(stream, XTrimParams.xTrimParams().maxLen(1));

        SseClient client = open(api.organiser, "Last-Event-ID", old.toString());

        await().atMost(DEADLINE).until(() -> !client.events.isEmpty());
        assertThat(client.events.get(0).name()).isEqualTo("snapshot");
        assertThat(client.events.get(0).id()).isEqualTo(last.toString());
        assertThat(api.read(client.events.get(0).data()).get("groups")).isNotEmpty();
    }

    @Test
    void aBrowserThatDoesNotReadIsDroppedWithoutHoldingUpTheOthers() throws IOException {
        // conclusions of 200 kB each: a browser that never reads fills its socket after a few dozen
        String big = "Housing first. ".repeat(7_000);
        corpus.post(fixture.conclusion(fixture.housing, 3, "en", big, List.of("Housing"), List.of(11), LockState.OPEN));
        double droppedBefore = meters.counter("rapporteur.live.dropped").count();
        SseClient reader = open(api.rapporteur);
        await().atMost(DEADLINE).until(() -> !reader.events.isEmpty());
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4_096);
            stalled.connect(new InetSocketAddress("localhost", port), 5_000);
            OutputStream out = stalled.getOutputStream();
            out.write(("GET " + LiveApi.live(fixture.conferenceId, LiveFixture.DAY) + "/stream HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
                    + api.rapporteur + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(DEADLINE).until(() -> feed.subscribers() == 2);

            // in bursts the reading browser keeps up with; the stalled one's queue only grows
            List<StreamEntryID> ids = new ArrayList<>();
            for (int burst = 1; burst <= 15; burst++) {
                for (int i = 0; i < 10; i++) {
                    ids.add(xadd("conclusion", fixture.housing, 3));
                }
                int expected = burst * 10;
                await().atMost(DEADLINE).until(() -> reader.named("conclusion").size() == expected);
            }

            await().atMost(DEADLINE).until(() -> meters.counter("rapporteur.live.dropped").count() > droppedBefore);
            assertThat(reader.named("conclusion")).extracting(SseClient.Event::id)
                    .containsExactlyElementsOf(ids.stream().map(StreamEntryID::toString).toList());
            assertThat(feed.subscribers()).as("only the reading browser is left").isEqualTo(1);
            assertThat(meters.get("rapporteur.live.subscribers").gauge().value()).isEqualTo(1);
            assertThat(meters.get("rapporteur.live.delivery").timer().count()).isGreaterThanOrEqualTo(150);
        }
        assertThat(reader.ended()).isFalse();
    }

    @Test
    void endingAStreamLogsNoAccessDeniedOnTheAsyncDispatch() {
        SseClient client = open(api.rapporteur);
        await().atMost(DEADLINE).until(() -> !client.events.isEmpty());

        feed.closeStreams(fixture.conferenceId);

        await().atMost(DEADLINE).until(client::ended);
        assertThat(client.failure()).as("a clean end of the response").isNull();
        await().atMost(DEADLINE).until(() -> feed.subscribers() == 0);
        assertThat(logs.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("Access Denied") || m.contains("AccessDenied")
                        || m.contains("already committed") || m.contains("Unable to handle the Spring Security"));
        assertThat(logs.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
    }

    @Test
    void browsersConnectingWhileEntriesAreWrittenGetEveryLaterEntryOnceAndInOrder() throws InterruptedException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> sessions = List.of(fixture.housing, fixture.climate, fixture.finance, fixture.silent);
        List<StreamEntryID> today = new CopyOnWriteArrayList<>();
        List<StreamEntryID> all = new CopyOnWriteArrayList<>();
        List<SseClient> watching = new CopyOnWriteArrayList<>();
        int chunks = 20;
        Thread writer = new Thread(() -> {
            Random order = new Random(seed + 1);
            for (int chunk = 0; chunk < chunks; chunk++) {
                for (int i = 0; i < 10; i++) {
                    // another day's entries are mixed in; the chunk ends with one of this day
                    boolean otherDay = i < 9 && order.nextInt(4) == 0;
                    StreamEntryID id = store.redis().xadd(stream, StreamEntryID.NEW_ENTRY, new LiveEntry("lock",
                            sessions.get(order.nextInt(sessions.size())),
                            otherDay ? LiveFixture.NEXT_DAY : LiveFixture.DAY, 0).fields());
                    all.add(id);
                    if (!otherDay) {
                        today.add(id);
                    }
                }
                // the browsers keep up (a burst above the queue limit would drop them, which another test covers)
                String last = today.get(today.size() - 1).toString();
                await().atMost(DEADLINE).until(() -> watching.stream().allMatch(c -> c.events.isEmpty()
                        || c.events.stream().anyMatch(e -> last.equals(e.id()))
                        || new StreamEntryID(c.events.get(c.events.size() - 1).id()).compareTo(new StreamEntryID(last)) > 0));
            }
        }, "live-entries-writer");
        writer.start();

        List<String> resumedFrom = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int after = random.nextInt(chunks * 10 - 20);
            await().atMost(DEADLINE).until(() -> all.size() >= after);
            SseClient client;
            if (i == 1 && !today.isEmpty()) {
                // a reconnecting browser, whose last event is one of the recent ones
                String last = today.get(Math.max(0, today.size() - 1 - random.nextInt(Math.min(10, today.size()))))
                        .toString();
                resumedFrom.add(last);
                client = open(api.rapporteur, "Last-Event-ID", last);
            } else {
                resumedFrom.add(null);
                client = open(api.rapporteur);
            }
            watching.add(client);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !writer.isAlive());

        for (int i = 0; i < watching.size(); i++) {
            SseClient client = watching.get(i);
            List<SseClient.Event> events = client.events;
            SseClient.Event first = events.get(0);
            String start = "snapshot".equals(first.name()) ? first.id() : resumedFrom.get(i);
            List<String> expected = today.stream().filter(id -> id.compareTo(new StreamEntryID(start)) > 0)
                    .map(StreamEntryID::toString).toList();
            List<String> got = events.stream().filter(e -> !"snapshot".equals(e.name())).map(SseClient.Event::id)
                    .toList();
            assertThat(got).as("browser %d (seed %d), from %s", i, seed, start).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void refusalsAreProblemDetailsBeforeAnyStreamOpens() {
        String path = LiveApi.live(fixture.conferenceId, LiveFixture.DAY) + "/stream";

        api.problem(api.get(path, api.rapporteur), 406, "not-acceptable");
        api.problem(api.get(path, api.rapporteur, "Accept", "application/json"), 406, "not-acceptable");
        api.problem(api.get(path, api.rapporteur, "Accept", "text/event-stream", "Last-Event-ID", "yesterday"), 400,
                "validation");
        api.problem(api.get(path + "?lang=xx", api.rapporteur, "Accept", "text/event-stream"), 400, "validation");
        var head = api.head(path, api.rapporteur, "Accept", "text/event-stream");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(feed.subscribers()).as("no stream held open for any of them").isZero();

        for (int i = 0; i < 4; i++) {
            SseClient client = open(api.rapporteur);
            await().atMost(DEADLINE).until(() -> !client.events.isEmpty());
        }
        var busy = api.get(path, api.rapporteur, "Accept", "text/event-stream", "Accept-Language", "fr");
        JsonNode problem = api.problem(busy, 503, "live-busy");
        assertThat(busy.headers().firstValue("Retry-After")).isPresent();
        assertThat(problem.get("detail").asString()).startsWith("Trop de vues en direct");
    }
}
