package dev.hybridconf.streaming;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.ServiceBootContract;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class StreamingLinkServiceBootTests extends ServiceBootContract {

    StreamingLinkServiceBootTests() {
        super("streaming-link-service", "streaming.events", "/api/streaming/anything");
    }
}
