package dev.hybridconf.interpretation.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Calls the plan's HTTP API as organisers and interpreters do, and reads what it published on Kafka. */
final class PlanApi {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final String topic;
    final TestTokens tokens = TestTokens.shared();
    final String organiser = TestTokens.shared().organiser();

    PlanApi(int port, String topic) {
        this.port = port;
        this.topic = topic;
    }

    HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    HttpResponse<String> post(String path, String token) {
        return send("POST", path, token, null);
    }

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return read(response);
    }

    String interpreter(PlanFixture fixture, String key) {
        return tokens.token(fixture.registration(key), "interpreter");
    }

    static String plan(String conferenceId) {
        return "/api/interpretation/conferences/" + conferenceId + "/plan";
    }

    /** Solves and waits for the solve to end; answers its progress. */
    JsonNode solve(String conferenceId) {
        HttpResponse<String> started = post(plan(conferenceId) + "/solve", organiser);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return awaitSolved(conferenceId);
    }

    JsonNode awaitSolved(String conferenceId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> {
            last[0] = ok(get(plan(conferenceId) + "/solve", organiser));
            String status = last[0].get("status").asString();
            return status.equals("DONE") || status.equals("FAILED");
        });
        return last[0];
    }

    JsonNode publish(String conferenceId) {
        return ok(post(plan(conferenceId) + "/publish", organiser));
    }

    /** The service's events about the conference, once the plan-published event of {@code version} is there. */
    List<ConsumerRecord<String, String>> events(String conferenceId, long version) {
        String marker = "\"planVersion\":" + version;
        KafkaProbe kafka = KafkaProbe.shared();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> kafka.readAll(topic).stream()
                .anyMatch(r -> r.value().contains("interpretation.plan-published.v1")
                        && r.value().contains("\"conferenceId\":\"" + conferenceId + "\"")
                        && r.value().contains(marker)));
        return kafka.readAll(topic).stream()
                .filter(r -> r.value().contains("\"conferenceId\":\"" + conferenceId + "\"")).toList();
    }

    JsonNode data(ConsumerRecord<String, String> record) {
        return json.readTree(record.value()).get("data");
    }

    String type(ConsumerRecord<String, String> record) {
        return json.readTree(record.value()).get("type").asString();
    }
}
