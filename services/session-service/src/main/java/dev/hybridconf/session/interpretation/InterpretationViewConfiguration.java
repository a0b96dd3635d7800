package dev.hybridconf.session.interpretation;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hybridconf.kit.messaging.RebuildableView;

/**
 * The sessions' interpretation channels are a view of interpretation events: {@code POST
 * /actuator/views/interpretation} drops them and replays {@code interpretation.events} from offset 0 (see the
 * kit's {@code ViewRebuilds}).
 */
@Configuration(proxyBeanMethods = false)
class InterpretationViewConfiguration {

    @Bean
    RebuildableView interpretationView() {
        return new RebuildableView("interpretation", InterpretationEventsListener.LISTENER_ID,
                List.of("interpretation:*"));
    }
}
