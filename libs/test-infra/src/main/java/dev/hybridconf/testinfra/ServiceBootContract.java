package dev.hybridconf.testinfra;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every service promises once it has booted on the real broker and Redis: health and
 * service-tagged metrics are open, its event topic exists with partitions for scale-out, and its API
 * refuses callers without a token with problem details. A service's test class extends this with
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and {@code @PlatformInfrastructure}.
 */
public abstract class ServiceBootContract {

    private final String serviceName;
    private final String topic;
    private final String protectedPath;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Value("${platform.namespace:}")
    String namespace;

    protected ServiceBootContract(String serviceName, String topic, String protectedPath) {
        this.serviceName = serviceName;
        this.topic = topic;
        this.protectedPath = protectedPath;
    }

    @Test
    void reportsHealthAndServiceTaggedMetrics() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(metrics.body()).contains("service=\"" + serviceName + "\"");
    }

    @Test
    void createsItsEventTopicWithPartitionsForScaleOut() throws Exception {
        String physical = namespace.isEmpty() ? topic : namespace + "." + topic;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var description = admin.describeTopics(List.of(physical)).allTopicNames().get().get(physical);
            assertThat(description.partitions()).hasSize(6);
        }
    }

    @Test
    void apiNeedsABearerToken() throws Exception {
        HttpResponse<String> response = get(protectedPath);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                BodyHandlers.ofString());
    }
}
