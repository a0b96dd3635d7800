package dev.hybridconf.rapporteur.corpus;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hybridconf.kit.messaging.RebuildableView;

/**
 * The inputs are built from events only: {@code POST /actuator/views/rapporteur-inputs} (organisers) drops the
 * programme copy, the corpus (its day versions too) and the live streams, and replays {@code session.events} from
 * offset 0 (the kit's {@code ViewRebuilds}); the replay counts every day's versions again and marks the days for
 * analysis. Thesauri, trends, assignments, notes and summaries are not part of it and stay.
 */
@Configuration(proxyBeanMethods = false)
class InputsViewConfiguration {

    @Bean
    RebuildableView rapporteurInputsView() {
        return new RebuildableView("rapporteur-inputs", InputsListener.LISTENER_ID,
                List.of("prog:*", "corpus:*", "live:*"));
    }
}
