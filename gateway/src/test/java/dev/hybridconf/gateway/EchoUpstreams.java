package dev.hybridconf.gateway;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.test.context.DynamicPropertyRegistry;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import tools.jackson.databind.json.JsonMapper;

/**
 * One in-process HTTP server per service. Each answers with what it received (its own name, the
 * method, the request target, the Authorization and traceparent headers and the body), so a test reads the routing
 * outcome from the response alone and tests never depend on each other's requests.
 *
 * <p>Some paths misbehave on purpose: any target ending in {@code /slow} starts answering only after
 * {@value #SLOW_SECONDS} s, any ending in {@code /hang-up} drops the connection instead of answering, and
 * any ending in {@code /problem} refuses the request with {@link #PROBLEM}, as a service does.
 */
final class EchoUpstreams implements AutoCloseable {

    static final long SLOW_SECONDS = 3;

    /** A service's refusal, with non-ASCII text, as the {@code /problem} paths answer it (422). */
    static final String PROBLEM = "{\"type\":\"https://hybridconf.dev/problems/validation\",\"title\":\"Unprocessable Content\","
            + "\"status\":422,\"detail\":\"Certains champs manquent ou ne sont pas valides ; voir errors.\","
            + "\"errors\":[{\"field\":\"fullName\",\"message\":\"doit être du texte simple\"}]}";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Service name → the environment variable the gateway reads its address from. */
    private static final Map<String, String> SERVICES = Map.of(
            "registration", "REGISTRATION_SERVICE_URI",
            "session", "SESSION_SERVICE_URI",
            "streaming", "STREAMING_SERVICE_URI",
            "interpretation", "INTERPRETATION_SERVICE_URI",
            "rapporteur", "RAPPORTEUR_SERVICE_URI");

    private final Map<String, MockWebServer> servers = new LinkedHashMap<>();

    private EchoUpstreams() {
    }

    static EchoUpstreams start() {
        EchoUpstreams upstreams = new EchoUpstreams();
        try {
            for (String service : SERVICES.keySet()) {
                MockWebServer server = new MockWebServer();
                server.setDispatcher(echo(service));
                server.start(0);
                upstreams.servers.put(service, server);
            }
            return upstreams;
        } catch (Exception e) {
            upstreams.close();
            throw new IllegalStateException("Could not start the echo upstreams", e);
        }
    }

    /** Routes the gateway to these servers, except the services named in {@code elsewhere}. */
    void register(DynamicPropertyRegistry registry, Map<String, String> elsewhere) {
        SERVICES.forEach((service, variable) -> registry.add(variable,
                () -> elsewhere.getOrDefault(service, "http://localhost:" + servers.get(service).getPort())));
    }

    void register(DynamicPropertyRegistry registry) {
        register(registry, Map.of());
    }

    /** Requests the named service has received so far. */
    int requestCount(String service) {
        return servers.get(service).getRequestCount();
    }

    private static Dispatcher echo(String service) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getTarget();
                String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
                if (path.endsWith("/hang-up")) {
                    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
                }
                if (path.endsWith("/problem")) {
                    return new MockResponse.Builder().code(422).setHeader("Content-Type", "application/problem+json")
                            .body(PROBLEM).build();
                }
                Map<String, Object> echoed = new LinkedHashMap<>();
                echoed.put("upstream", service);
                echoed.put("method", request.getMethod());
                echoed.put("target", target);
                echoed.put("authorization", request.getHeaders().get("Authorization"));
                echoed.put("traceparent", request.getHeaders().get("traceparent"));
                echoed.put("body", request.getBody() == null ? "" : request.getBody().utf8());
                MockResponse.Builder response = new MockResponse.Builder()
                        .code("POST".equals(request.getMethod().toUpperCase(Locale.ROOT)) ? 201 : 200)
                        .setHeader("Content-Type", "application/json")
                        .body(JSON.writeValueAsString(echoed));
                if (path.endsWith("/slow")) {
                    response.headersDelay(SLOW_SECONDS, TimeUnit.SECONDS);
                }
                return response.build();
            }
        };
    }

    @Override
    public void close() {
        servers.values().forEach(MockWebServer::close);
    }
}
