package dev.hybridconf.session.participants;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hybridconf.kit.messaging.RebuildableView;

/**
 * The participant directory is a view of registration events: {@code POST /actuator/views/participants}
 * drops the participant records and the per-conference summaries and replays {@code registration.events} from
 * offset 0 (see the kit's {@code ViewRebuilds}).
 */
@Configuration(proxyBeanMethods = false)
class ParticipantViewConfiguration {

    @Bean
    RebuildableView participantsView() {
        return new RebuildableView("participants", RegistrationEventsListener.LISTENER_ID,
                List.of("participant:*", "participants:summary:*"));
    }
}
