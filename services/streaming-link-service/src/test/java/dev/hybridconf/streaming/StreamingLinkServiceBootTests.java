package dev.hybridconf.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomProperties;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.ServiceBootContract;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class StreamingLinkServiceBootTests extends ServiceBootContract {

    @Autowired
    ZoomClient zoom;

    @Autowired
    ZoomProperties zoomProperties;

    @LocalServerPort
    int serverPort;

    StreamingLinkServiceBootTests() {
        super("streaming-link-service", "streaming.events", "/api/streaming/anything");
    }

    @Test
    void theZoomClientTalksToRealZoomByDefaultWithAProAccountsLimitsAndReportsItsBreaker() throws Exception {
        assertThat(zoomProperties.oauthUrl()).isEqualTo("https://zoom.us");
        assertThat(zoomProperties.apiUrl()).isEqualTo("https://api.zoom.us/v2");
        assertThat(zoomProperties.rateLimits().light()).isEqualTo(30);
        assertThat(zoomProperties.dailyWriteCap()).isEqualTo(100);
        assertThat(zoomProperties.configured()).as("no credentials unless ZOOM_* are set").isFalse();
        assertThat(zoom.remainingDailyWrites("any-host")).isEqualTo(100);

        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + serverPort + "/actuator/prometheus")).build(), BodyHandlers.ofString())
                .body();
        assertThat(metrics).contains("resilience4j_circuitbreaker_state").contains("name=\"zoom\"");
    }
}
