package dev.hybridconf.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/** The service boots on a real broker and Redis, reports health and metrics, owns its topic, and guards its API. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class InterpretationLanguageServiceBootTests {

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topics;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsHealthAndServiceTaggedMetrics() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(metrics.body()).contains("service=\"interpretation-language-service\"");
    }

    @Test
    void createsItsEventTopicWithPartitionsForScaleOut() throws Exception {
        String topic = topics.physical("interpretation.events");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(6);
        }
    }

    @Test
    void apiNeedsABearerToken() throws Exception {
        HttpResponse<String> response = get("/api/interpretation/anything");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                BodyHandlers.ofString());
    }
}
