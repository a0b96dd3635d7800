package dev.hybridconf.testinfra.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.hybridconf.testinfra.SharedInfrastructure;
import redis.clients.jedis.RedisClient;

/**
 * Sends the {@link HostileValues} corpus to every endpoint of a servlet service: each path variable,
 * each query parameter the handler reads (and broken query strings), the common headers and the
 * headers the handler reads, each field of the request body at any depth (and broken bodies), odd
 * methods, and a request line and a header block above the server's limits. Endpoints come from the
 * service's handler mapping, so a new endpoint is covered without being listed.
 *
 * <p>Every answer must be handled ({@link ProblemAssertions#assertHandled}): no 5xx, no dropped
 * connection, and every refusal {@code application/problem+json} with {@code type}, {@code title} and
 * {@code status}. A refusal must also leave the service's Redis keys as they were (keys background
 * work writes on its own are named by {@link #backgroundKeys()}).
 *
 * <p>A service's test class extends this with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
 * and {@code @PlatformInfrastructure}, creates sample objects in a {@code @BeforeAll} method (the
 * class has one instance for all its tests), and says which token, path values and example bodies
 * to start from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HostileInputContract {

    /** A request body the hostile variations start from. */
    public record Body(String contentType, byte[] content) {

        public static Body json(String json) {
            return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public static Body of(String contentType, String content) {
            return new Body(contentType, content.getBytes(StandardCharsets.UTF_8));
        }

        boolean isJson() {
            return contentType.toLowerCase(Locale.ROOT).contains("json");
        }
    }

    @LocalServerPort
    int port;

    @Value("${platform.namespace:}")
    String namespace;

    @Value("${platform.keyspace}")
    String keyspace;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    Environment environment;

    private RedisClient redis;
    private Admin kafka;
    private RedisWrites writes;

    /** A token with every role the service knows, so that requests reach validation rather than stop at 403. */
    protected abstract String token();

    /**
     * A valid (encoded) value for each path variable name, e.g. an existing session's id, so that the
     * other parts of a request meet the service's real checks.
     */
    protected abstract Map<String, String> pathSamples();

    /**
     * A valid body for each endpoint that takes one, by {@link Endpoint#key()} ({@code "PUT /api/x/{id}"}).
     * An endpoint that reads its body as a stream (no {@code @RequestBody}) is given one here too.
     */
    protected abstract Map<String, Body> exampleBodies();

    /**
     * A valid query string for endpoints that need one to get past their first check (e.g.
     * {@code kind=registrations}), by {@link Endpoint#key()}; each hostile query parameter replaces its
     * own value in it.
     */
    protected Map<String, String> exampleQueries() {
        return Map.of();
    }

    /**
     * Keys (glob patterns, {@code *} for anything) that the service writes in the background whatever
     * the requests do; changes to them are not blamed on a refused request.
     */
    protected List<String> backgroundKeys() {
        return List.of("*:processed:*");
    }

    /** The endpoints under test: every mapped one. */
    protected List<Endpoint> endpoints() {
        return EndpointCatalog.of(mapping);
    }

    /**
     * After a hostile request was accepted and wrote something: waits until its events have left the
     * outbox and, when the service consumes its own topic, until it has applied them, so that what those
     * events cause is not blamed on the next request.
     */
    protected void awaitQuiet() {
        String outbox = prefix() + "outbox";
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> redis().xlen(outbox) == 0);
        Binder binder = Binder.get(environment);
        String publishes = binder.bind("platform.kafka.publishes", String.class).orElse("");
        List<String> consumes = binder.bind("platform.kafka.consumes", Bindable.listOf(String.class)).orElse(List.of());
        if (!publishes.isEmpty() && consumes.contains(publishes)) {
            String group = physical(environment.getProperty("platform.service-name", ""));
            String topic = physical(publishes);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> lag(group, topic) == 0);
        }
    }

    private String physical(String logical) {
        return namespace == null || namespace.isEmpty() ? logical : namespace + "." + logical;
    }

    /** Records of {@code topic} the group has not committed past yet. */
    private long lag(String group, String topic) throws Exception {
        if (kafka == null) {
            kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedInfrastructure.get().kafkaBootstrapServers()));
        }
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        var partitions = kafka.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        long lag = 0;
        for (var end : kafka.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    protected final RawHttp http() {
        return RawHttp.localhost(port);
    }

    protected final String prefix() {
        return (namespace == null || namespace.isEmpty() ? "" : namespace + ":") + keyspace + ":";
    }

    private RedisClient redis() {
        if (redis == null) {
            var infrastructure = SharedInfrastructure.get();
            redis = RedisClient.builder().hostAndPort(infrastructure.redisHost(), infrastructure.redisPort()).build();
        }
        return redis;
    }

    private RedisWrites writes() {
        if (writes == null) {
            List<String> ignored = new ArrayList<>(backgroundKeys());
            ignored.add(prefix() + "outbox");
            // The kit's leases (the outbox relay's, the workers' and sweeps') are renewed in the background.
            ignored.add(prefix() + "lease:*");
            writes = new RedisWrites(redis(), prefix(), ignored);
        }
        return writes;
    }

    @AfterAll
    void closeClients() {
        if (redis != null) {
            redis.close();
        }
        if (kafka != null) {
            kafka.close(Duration.ofSeconds(5));
        }
    }

    /**
     * The test cannot reach into a body it has no example for, nor into a path whose variables it has
     * no sample for: each new endpoint must come with both, or this fails and names it.
     */
    @Test
    void everyEndpointHasAnExampleBodyAndPathSamples() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).isNotEmpty();
        Set<String> missing = new TreeSet<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.takesBody() && !exampleBodies().containsKey(endpoint.key())) {
                missing.add("no example body for " + endpoint.key());
            }
            for (String variable : endpoint.pathVariables()) {
                if (!pathSamples().containsKey(variable)) {
                    missing.add("no sample for path variable {" + variable + "} of " + endpoint.key());
                }
            }
        }
        Set<String> stale = new TreeSet<>(exampleBodies().keySet());
        stale.addAll(exampleQueries().keySet());
        endpoints.forEach(endpoint -> stale.remove(endpoint.key()));
        stale.forEach(key -> missing.add("an example for " + key + ", which is no endpoint"));
        assertThat(missing).as("every endpoint covered by the hostile-input test").isEmpty();
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointHandlesHostileInput() {
        return endpoints().stream().map(endpoint -> DynamicContainer.dynamicContainer(endpoint.key(), Stream.of(
                DynamicTest.dynamicTest("path variables", () -> check(endpoint, pathVariables(endpoint))),
                DynamicTest.dynamicTest("query", () -> check(endpoint, query(endpoint))),
                DynamicTest.dynamicTest("headers", () -> check(endpoint, headers(endpoint))),
                DynamicTest.dynamicTest("body", () -> check(endpoint, body(endpoint))),
                DynamicTest.dynamicTest("methods and limits", () -> check(endpoint, methodsAndLimits(endpoint))))));
    }

    /** A request under construction for one endpoint, starting from valid parts. */
    private final class Hostile {

        private final Endpoint endpoint;
        private final Map<String, String> path = new LinkedHashMap<>(pathSamples());
        private String query;
        private final Map<String, byte[]> headers = new LinkedHashMap<>();
        private Body body;
        private String method;
        private String target;
        private boolean withToken = true;

        Hostile(Endpoint endpoint) {
            this.endpoint = endpoint;
            this.body = exampleBodies().get(endpoint.key());
            this.query = exampleQueries().get(endpoint.key());
            this.method = endpoint.method();
        }

        RawHttp.Request build() {
            String requestTarget = target != null ? target : endpoint.path(path) + (query == null ? "" : "?" + query);
            RawHttp.Request request = http().request(method, requestTarget);
            if (withToken && !headers.containsKey("Authorization")) {
                request.bearer(token());
            }
            headers.forEach(request::header);
            if (body != null) {
                if (!headers.containsKey("Content-Type")) {
                    request.header("Content-Type", body.contentType());
                }
                request.body(body.content());
            }
            return request;
        }
    }

    private record Attempt(String label, Supplier<RawHttp.Request> request) {
    }

    private List<Attempt> pathVariables(Endpoint endpoint) {
        List<Attempt> attempts = new ArrayList<>();
        for (String variable : endpoint.pathVariables()) {
            for (HostileValues.Value value : HostileValues.pathSegments()) {
                attempts.add(attempt(endpoint, "{" + variable + "} = " + value.label(), h -> h.path.put(variable, value.text())));
            }
        }
        return attempts;
    }

    private List<Attempt> query(Endpoint endpoint) {
        List<Attempt> attempts = new ArrayList<>();
        List<String> parameters = new ArrayList<>(endpoint.queryParameters());
        if (parameters.isEmpty()) {
            parameters.add("unexpected");
        }
        for (String parameter : parameters) {
            for (HostileValues.Value value : HostileValues.queryValues()) {
                attempts.add(attempt(endpoint, "?" + parameter + " = " + value.label(),
                        h -> h.query = with(h.query, parameter, value.text())));
            }
        }
        for (HostileValues.Value value : HostileValues.queryStrings()) {
            attempts.add(attempt(endpoint, "query " + value.label(), h -> h.query = value.text()));
        }
        return attempts;
    }

    private List<Attempt> headers(Endpoint endpoint) {
        List<Attempt> attempts = new ArrayList<>();
        List<HostileValues.Value> all = HostileValues.headerValues();
        List<HostileValues.Value> worst = all.subList(0, 5);
        List<String> everyValue = new ArrayList<>(List.of("Accept-Language", "Accept"));
        everyValue.addAll(endpoint.headers());
        if (exampleBodies().containsKey(endpoint.key())) {
            everyValue.add("Content-Type");
        }
        for (String header : everyValue) {
            for (HostileValues.Value value : all) {
                attempts.add(attempt(endpoint, header + ": " + value.label(), h -> h.headers.put(header, value.raw())));
            }
        }
        for (String header : HostileValues.commonHeaders()) {
            if (!everyValue.contains(header)) {
                for (HostileValues.Value value : worst) {
                    attempts.add(attempt(endpoint, header + ": " + value.label(), h -> h.headers.put(header, value.raw())));
                }
            }
        }
        for (HostileValues.Value value : worst) {
            attempts.add(attempt(endpoint, "Host: " + value.label(), h -> h.headers.put("Host", value.raw())));
        }
        for (HostileValues.Value value : all) {
            attempts.add(attempt(endpoint, "Authorization: Bearer " + value.label(),
                    h -> h.headers.put("Authorization", concat("Bearer ", value.raw()))));
        }
        for (String authorization : List.of("Bearer", "Basic YTpi", "Bearer a.b.c", "Bearer " + "e".repeat(3_000))) {
            attempts.add(attempt(endpoint, "Authorization: " + authorization.substring(0, Math.min(20, authorization.length())),
                    h -> h.headers.put("Authorization", authorization.getBytes(StandardCharsets.UTF_8))));
        }
        return attempts;
    }

    private List<Attempt> body(Endpoint endpoint) {
        List<Attempt> attempts = new ArrayList<>();
        Body example = exampleBodies().get(endpoint.key());
        if (example == null) {
            return attempts;
        }
        if (example.isJson()) {
            for (JsonMutations.Mutation mutation : JsonMutations.of(new String(example.content(), StandardCharsets.UTF_8),
                    HostileValues.jsonValues())) {
                attempts.add(attempt(endpoint, "body " + mutation.label(),
                        h -> h.body = new Body(example.contentType(), mutation.body())));
            }
        }
        for (HostileValues.Value value : HostileValues.jsonBodies()) {
            attempts.add(attempt(endpoint, "whole body " + value.label(),
                    h -> h.body = new Body(example.contentType(), value.raw())));
        }
        return attempts;
    }

    private List<Attempt> methodsAndLimits(Endpoint endpoint) {
        List<Attempt> attempts = new ArrayList<>();
        for (String method : HostileValues.oddMethods()) {
            attempts.add(attempt(endpoint, "method " + method, h -> h.method = method));
        }
        attempts.add(attempt(endpoint, "request line above the limit",
                h -> h.target = HostileValues.hugeTarget(endpoint.path(h.path))));
        HostileValues.Value huge = HostileValues.hugeHeader();
        attempts.add(attempt(endpoint, "header above the limit", h -> h.headers.put("X-Huge", huge.raw())));
        attempts.add(attempt(endpoint, "no token", h -> h.withToken = false));
        return attempts;
    }

    private Attempt attempt(Endpoint endpoint, String label, java.util.function.Consumer<Hostile> change) {
        return new Attempt(label, () -> {
            Hostile hostile = new Hostile(endpoint);
            change.accept(hostile);
            return hostile.build();
        });
    }

    private void check(Endpoint endpoint, List<Attempt> attempts) {
        List<String> failures = new ArrayList<>();
        Map<String, String> known = null;
        // Whatever the set-up or the previous endpoint's requests caused (their messages, their consumers'
        // writes) lands before the first snapshot, not during this endpoint's sweep.
        awaitQuiet();
        for (Attempt attempt : attempts) {
            RawHttp.Request request = attempt.request().get();
            Map<String, String> before = known != null ? known : writes().snapshot();
            known = null;
            RawHttp.Response response = request.send();
            String what = endpoint.key() + " with " + attempt.label() + " (" + request + ")";
            try {
                ProblemAssertions.assertHandled(response, what);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
            if (response.status() >= 400) {
                Map<String, String> after = writes().snapshot();
                List<String> changes = RedisWrites.changes(before, after);
                if (changes.isEmpty()) {
                    // Nothing moved: what was just read is also the state before the next request.
                    known = after;
                } else {
                    failures.add(what + ": refused with " + response.status() + " but wrote " + changes);
                }
            } else if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
                awaitQuiet();
            }
        }
        if (!failures.isEmpty()) {
            List<String> shown = failures.size() > 40 ? failures.subList(0, 40) : failures;
            throw new AssertionError(failures.size() + " of " + attempts.size() + " hostile requests to " + endpoint.key()
                    + " were mishandled:\n  " + String.join("\n  ", shown));
        }
    }

    /** {@code query} with {@code parameter} set to {@code value} (raw), other parameters kept. */
    private static String with(String query, String parameter, String value) {
        List<String> kept = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (!pair.equals(parameter) && !pair.startsWith(parameter + "=")) {
                    kept.add(pair);
                }
            }
        }
        kept.add(parameter + "=" + value);
        return String.join("&", kept);
    }

    private static byte[] concat(String prefix, byte[] value) {
        byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + value.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(value, 0, all, start.length, value.length);
        return all;
    }
}
