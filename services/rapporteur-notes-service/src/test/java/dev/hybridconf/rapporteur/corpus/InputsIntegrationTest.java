package dev.hybridconf.rapporteur.corpus;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.programme.ProgrammeCopy;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/**
 * What the inputs' tests share: the whole service on the real Kafka and Redis, and the copy, corpus, marks and store
 * the inputs write. What the inputs write (versions, analysis marks, live entries) is checked as they leave it: the
 * trend worker, which consumes the marks and adds its own entries, is kept idle here (its own tests and the
 * end-to-end ones run it). Each subclass registers the token issuer with its own {@code @DynamicPropertySource}, so
 * each keeps an application context of its own, as before this class existed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "platform.rapporteur.analysis.poll-interval=1h")
@PlatformInfrastructure
abstract class InputsIntegrationTest {

    protected static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    protected ProgrammeCopy programme;

    @Autowired
    protected CorpusStore corpus;

    @Autowired
    protected CorpusMarks marks;

    @Autowired
    protected RedisStore store;

    @Autowired
    protected TopicNames topics;
}
