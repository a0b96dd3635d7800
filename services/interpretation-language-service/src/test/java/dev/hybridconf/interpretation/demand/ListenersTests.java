package dev.hybridconf.interpretation.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.demand.Listeners.Count;

/** A channel counts only the listeners its delivery reaches. */
class ListenersTests {

    private static final Listeners FRENCH_BOTH_WAYS = new Listeners(Map.of("fr", new Count(3, 5), "es", new Count(0, 2)));

    @Test
    void aChannelGivenOnlyInTheRoomIsNotHeardByTheRemoteAudience() {
        Listeners reached = FRENCH_BOTH_WAYS.reachedBy(Delivery.ROOM);
        assertThat(reached.of("fr")).isEqualTo(new Count(3, 0));
        assertThat(reached.of("es").total()).isZero();
    }

    @Test
    void aChannelGivenOnlyOnZoomIsNotHeardInTheRoom() {
        Listeners reached = FRENCH_BOTH_WAYS.reachedBy(Delivery.ZOOM);
        assertThat(reached.of("fr")).isEqualTo(new Count(0, 5));
        assertThat(reached.of("es")).isEqualTo(new Count(0, 2));
    }

    @Test
    void aHybridChannelIsHeardByBoth() {
        assertThat(FRENCH_BOTH_WAYS.reachedBy(Delivery.BOTH).of("fr")).isEqualTo(new Count(3, 5));
    }
}
