package dev.hybridconf.interpretation.languages;

import java.util.List;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;

/**
 * An organiser's language settings for a session.
 *
 * @param delivery     where channels reach listeners, or null: from the session's format ({@code IN_PERSON} → room,
 *                     {@code ONLINE} → Zoom, {@code HYBRID} → both)
 * @param relayAllowed whether a booth may work from another booth (relay) in this session
 * @param force        channels needed whatever the demand
 * @param drop         channels never offered, whatever the demand or the conference's {@code alwaysOffer}
 */
public record SessionSettings(Delivery delivery, boolean relayAllowed, List<String> force, List<String> drop,
        String changedBy, java.time.Instant changedAt) {

    public static final SessionSettings DEFAULTS = new SessionSettings(null, true, List.of(), List.of(), null, null);

    public SessionSettings {
        force = List.copyOf(force);
        drop = List.copyOf(drop);
    }

    /** The delivery that applies: the organiser's, else the one the format gives. */
    public Delivery deliveryFor(String format) {
        if (delivery != null) {
            return delivery;
        }
        if ("IN_PERSON".equals(format)) {
            return Delivery.ROOM;
        }
        if ("ONLINE".equals(format)) {
            return Delivery.ZOOM;
        }
        return Delivery.BOTH;
    }
}
