package dev.hybridconf.session;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.ServiceBootContract;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class SessionServiceBootTests extends ServiceBootContract {

    SessionServiceBootTests() {
        super("session-service", "session.events", "/api/sessions/anything");
    }
}
