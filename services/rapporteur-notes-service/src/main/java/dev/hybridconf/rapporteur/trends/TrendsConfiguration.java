package dev.hybridconf.rapporteur.trends;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.analysis.AnalysisSettings;
import dev.hybridconf.rapporteur.analysis.TrendAnalyzer;
import dev.hybridconf.rapporteur.corpus.Corpus;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.thesaurus.ThesaurusStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The trend worker and its settings. The {@link TrendAnalyzer} is the analysis package's bean (the Lucene analyser);
 * the method's parameters are {@link AnalysisSettings#DEFAULTS}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisProperties.class)
class TrendsConfiguration {

    @Bean
    TrendWorker trendWorker(RedisStore store, Leases leases, Corpus corpus, Programme programme,
            ThesaurusStore thesauri, TrendAnalyzer analyzer, AnalysisProperties properties, Clock clock,
            MeterRegistry meters) {
        return new TrendWorker(store, leases, corpus, programme, thesauri, analyzer, properties,
                AnalysisSettings.DEFAULTS, clock, meters, "trend-worker");
    }
}
