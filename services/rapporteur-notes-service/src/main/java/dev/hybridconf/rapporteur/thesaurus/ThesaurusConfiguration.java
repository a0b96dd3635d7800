package dev.hybridconf.rapporteur.thesaurus;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The label analysis the thesaurus is checked with: the plain one unless the analyser provides its chains. */
@Configuration(proxyBeanMethods = false)
class ThesaurusConfiguration {

    @Bean
    @ConditionalOnMissingBean(LabelAnalysis.class)
    LabelAnalysis plainLabelAnalysis() {
        return new PlainLabelAnalysis();
    }
}
