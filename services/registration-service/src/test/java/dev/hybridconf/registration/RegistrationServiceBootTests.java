package dev.hybridconf.registration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.ServiceBootContract;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class RegistrationServiceBootTests extends ServiceBootContract {

    RegistrationServiceBootTests() {
        super("registration-service", "registration.events", "/api/registrations/00000000-0000-0000-0000-000000000000");
    }
}
