package dev.hybridconf.kit.messaging;

import java.util.List;

/**
 * A view a service keeps from another service's events, which it can rebuild by replaying them from offset 0.
 * Declare one as a bean; {@link ViewRebuilds} does the rest.
 *
 * @param name        the view's name in the operator endpoint, e.g. {@code participants}
 * @param listenerId  the {@code @KafkaListener} id that keeps it
 * @param keyPatterns the view's keys, relative to the service's key space, as Redis {@code SCAN} patterns, e.g.
 *                    {@code participant:*}: everything they match is dropped and built again from the events
 */
public record RebuildableView(String name, String listenerId, List<String> keyPatterns) {

    public RebuildableView {
        keyPatterns = List.copyOf(keyPatterns);
    }
}
