package dev.hybridconf.rapporteur.trends;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.hybridconf.kit.redis.RedisStore;

/**
 * Test-scope ports for the thesaurus and trends tests: {@link FakeProgramme}, {@link FakeCorpus} (bumping versions
 * in the real Redis as the inputs do) and a {@link CountingAnalyzer}. {@code @Primary}, so these tests keep them
 * when the service's real programme, corpus and Lucene analyser are beans too.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TrendsTestPorts {

    @Bean
    @Primary
    FakeProgramme fakeProgramme() {
        return new FakeProgramme();
    }

    @Bean
    @Primary
    FakeCorpus fakeCorpus(RedisStore store) {
        return new FakeCorpus(store);
    }

    @Bean
    @Primary
    CountingAnalyzer countingAnalyzer() {
        return new CountingAnalyzer();
    }
}
