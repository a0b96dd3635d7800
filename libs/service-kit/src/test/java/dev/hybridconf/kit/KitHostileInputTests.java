package dev.hybridconf.kit;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.HostileInputContract;

/** The kit's fixture service meets the hostile-input corpus on each of its endpoints. */
@SpringBootTest(classes = KitFixtureApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class KitHostileInputTests extends HostileInputContract {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @Override
    protected String token() {
        return TestTokens.shared().token("someone", "organiser", "participant");
    }

    @Override
    protected Map<String, String> pathSamples() {
        return Map.of("id", "a-note", "topic", "fixture.quiet", "partition", "0", "offset", "0");
    }

    @Override
    protected Map<String, Body> exampleBodies() {
        return Map.of("POST /public/notes", Body.json("{\"id\":\"n-1\",\"text\":\"hello\",\"priority\":2}"),
                "POST /api/fixture/operations/dead-letters/{topic}/replay",
                Body.json("{\"records\":[{\"partition\":0,\"offset\":0}]}"));
    }

    @Override
    protected List<String> backgroundKeys() {
        // The fixture's listener counts and traces each note's events after the outbox relay sent them.
        return List.of("*:processed:*", "*:fixture:applied", "*:fixture:trace");
    }
}
