package dev.hybridconf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rapporteur's live stream crosses the gateway as it is written: an event reaches the browser before the next
 * one exists (nothing buffered), a browser that leaves closes the stream up to the service, and a request without a
 * token is refused with problem details rather than a stream. The service is an in-process Reactor Netty server
 * whose stream the test writes event by event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewaySseTests {

    private static final String STREAM = "/api/rapporteur/conferences/sse-seminar-2021/days/2021-02-16/live/stream";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static final TestIssuer issuer = TestIssuer.start();
    private static final EchoUpstreams others = EchoUpstreams.start();
    private static final LiveUpstream rapporteur = new LiveUpstream();

    @DynamicPropertySource
    static void upstreamsAndIssuer(DynamicPropertyRegistry registry) {
        others.register(registry, Map.of("rapporteur", "http://localhost:" + rapporteur.server.port()));
        issuer.register(registry);
    }

    @AfterAll
    static void stop() {
        rapporteur.server.disposeNow();
        others.close();
        issuer.close();
    }

    @LocalServerPort
    int port;

    private WebClient client;

    @BeforeEach
    void freshStream() {
        rapporteur.reset();
        client = WebClient.create("http://localhost:" + port);
    }

    private Flux<ServerSentEvent<String>> events(String token) {
        return client.get().uri(STREAM)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { });
    }

    @Test
    void eachEventArrivesBeforeTheNextOneIsWritten() {
        String token = issuer.token("rapporteur-1", "rapporteur");

        StepVerifier.create(events(token))
                .then(() -> rapporteur.emit("1613476800000-0", "snapshot", "{\"groups\":[]}"))
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("snapshot");
                    assertThat(e.id()).isEqualTo("1613476800000-0");
                    assertThat(e.data()).isEqualTo("{\"groups\":[]}");
                })
                // the second event is written only now: the first one came through alone
                .then(() -> rapporteur.emit("1613476800001-0", "conclusion", "{\"revision\":2}"))
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("conclusion");
                    assertThat(e.id()).isEqualTo("1613476800001-0");
                })
                .thenCancel()
                .verify(DEADLINE);
        assertThat(rapporteur.requests.get()).isEqualTo(1);
        assertThat(rapporteur.authorization).isEqualTo("Bearer " + token);
    }

    @Test
    void aBrowserThatLeavesClosesTheStreamUpToTheService() throws InterruptedException {
        StepVerifier.create(events(issuer.token("organiser-1", "organiser")))
                .then(() -> rapporteur.emit("1613476800000-0", "snapshot", "{}"))
                .expectNextCount(1)
                .thenCancel()
                .verify(DEADLINE);

        assertThat(rapporteur.cancelled.await(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .as("the service saw its stream cancelled").isTrue();
    }

    @Test
    void withoutATokenTheAnswerIsProblemDetailsNotAStream() {
        var response = client.get().uri(STREAM).accept(MediaType.TEXT_EVENT_STREAM)
                .exchangeToMono(r -> r.bodyToMono(String.class).map(body -> Map.entry(r, body)))
                .block(DEADLINE);

        assertThat(response).isNotNull();
        assertThat(response.getKey().statusCode().value()).isEqualTo(401);
        assertThat(response.getKey().headers().contentType()).hasValueSatisfying(
                type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        JsonNode problem = JsonMapper.builder().build().readTree(response.getValue());
        assertThat(problem.get("type").asString()).isEqualTo("https://hybridconf.dev/problems/unauthenticated");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(rapporteur.requests.get()).as("the service was never asked").isZero();
    }

    /** The rapporteur service's live stream, written by the test one event at a time, each flushed at once. */
    static final class LiveUpstream {

        final DisposableServer server;
        final AtomicInteger requests = new AtomicInteger();
        volatile Sinks.Many<String> sink;
        volatile CountDownLatch cancelled;
        volatile String authorization;

        LiveUpstream() {
            reset();
            server = HttpServer.create().port(0).route(routes -> routes.get(STREAM, (request, response) -> {
                requests.incrementAndGet();
                authorization = request.requestHeaders().get(HttpHeaders.AUTHORIZATION);
                CountDownLatch cancel = cancelled;
                Flux<ByteBuf> body = sink.asFlux()
                        .map(event -> Unpooled.copiedBuffer(event, StandardCharsets.UTF_8))
                        .doOnCancel(cancel::countDown);
                return response.header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_EVENT_STREAM_VALUE)
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .send(body, buffer -> true);
            })).bindNow();
        }

        void reset() {
            sink = Sinks.many().unicast().onBackpressureBuffer();
            cancelled = new CountDownLatch(1);
            requests.set(0);
            authorization = null;
        }

        void emit(String id, String name, String data) {
            sink.tryEmitNext("id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n").orThrow();
        }
    }
}
