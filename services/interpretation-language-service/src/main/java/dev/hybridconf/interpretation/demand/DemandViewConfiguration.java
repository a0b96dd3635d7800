package dev.hybridconf.interpretation.demand;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hybridconf.kit.messaging.RebuildableView;

/**
 * The demand view is built from events only: {@code POST /actuator/views/interpretation-demand} (organisers) drops
 * the copies of conferences, sessions, participants and enrolments and the counters, and replays
 * {@code session.events} and {@code registration.events} from offset 0 (the kit's {@code ViewRebuilds}). The
 * organisers' language settings ({@code lang:settings:*}) are not part of it and stay.
 */
@Configuration(proxyBeanMethods = false)
class DemandViewConfiguration {

    @Bean
    RebuildableView interpretationDemandView() {
        return new RebuildableView("interpretation-demand", DemandEventsListener.LISTENER_ID,
                List.of("lang:conference:*", "lang:conferences", "lang:session:*", "lang:participant:*", "demand:*"));
    }
}
