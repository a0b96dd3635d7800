package dev.hybridconf.rapporteur;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.ServiceBootContract;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class RapporteurNotesServiceBootTests extends ServiceBootContract {

    RapporteurNotesServiceBootTests() {
        super("rapporteur-notes-service", "rapporteur.events", "/api/rapporteur/anything");
    }
}
