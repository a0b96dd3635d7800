package dev.hybridconf.contracts.registration;

import java.time.Instant;

/**
 * A place freed up and the first person on the waiting list of that attendance mode was offered it.
 * The place is held for them until {@code replyBy}; if they do not accept by then the offer expires
 * and passes to the next person.
 */
public record RegistrationOfferMade(String registrationId, String conferenceId, String attendanceMode, Instant replyBy)
        implements RegistrationEvent {

    public static final String TYPE = "registration.offer-made.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
