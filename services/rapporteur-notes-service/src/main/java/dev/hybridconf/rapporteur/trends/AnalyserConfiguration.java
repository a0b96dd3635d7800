package dev.hybridconf.rapporteur.trends;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hybridconf.rapporteur.analysis.LuceneTrendAnalyzer;
import dev.hybridconf.rapporteur.thesaurus.LabelAnalysis;

/**
 * The Lucene analyser (ADR 0020), and the thesaurus checked with the analyser's own language chains, so that a label
 * the thesaurus accepts is one the analysis can match, and two labels it calls one are one for the analysis too
 * ("logements abordables" and "logement abordable").
 */
@Configuration(proxyBeanMethods = false)
class AnalyserConfiguration {

    @Bean
    LuceneTrendAnalyzer trendAnalyzer() {
        return new LuceneTrendAnalyzer();
    }

    @Bean
    LabelAnalysis analyserLabelAnalysis(LuceneTrendAnalyzer analyzer) {
        return (language, label) -> {
            String key = analyzer.labelKey(language, label);
            return key.isBlank() ? List.of() : Arrays.asList(key.split(" "));
        };
    }
}
