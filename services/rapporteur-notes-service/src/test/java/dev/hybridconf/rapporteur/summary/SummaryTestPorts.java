package dev.hybridconf.rapporteur.summary;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-scope programme, corpus and trends with hand-made data for the assignments', notes' and summaries' tests:
 * {@code @Primary}, so those tests keep them when the service's real ports are beans too, and state exactly the
 * sessions and trends they expect.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SummaryTestPorts {

    @Bean
    @Primary
    FakeProgramme fakeProgramme() {
        return new FakeProgramme();
    }

    @Bean
    @Primary
    FakeTrends fakeTrends() {
        return new FakeTrends();
    }

    @Bean
    @Primary
    FakeCorpus fakeCorpus() {
        return new FakeCorpus();
    }
}
