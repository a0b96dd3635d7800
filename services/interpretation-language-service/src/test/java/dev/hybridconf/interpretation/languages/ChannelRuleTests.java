package dev.hybridconf.interpretation.languages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.demand.Listeners;
import dev.hybridconf.interpretation.demand.Listeners.Count;
import dev.hybridconf.interpretation.languages.ChannelRule.Decision;
import dev.hybridconf.interpretation.languages.ChannelRule.Why;

/** The rule that turns listeners and settings into needed channels, case by case. */
class ChannelRuleTests {

    static final Listeners LISTENERS = new Listeners(Map.of(
            "en", new Count(10, 5),
            "fr", new Count(2, 0),
            "es", new Count(0, 1)));

    @Test
    void aLanguageWithListenersIsNeededFromTheThresholdUnlessItIsTheOnlyFloorLanguage() {
        List<Decision> decisions = ChannelRule.decide(List.of("en"), LISTENERS, conference(List.of(), 2),
                SessionSettings.DEFAULTS);

        assertThat(decisions).containsExactly(
                new Decision("en", false, 10, 5, false, false, Why.FLOOR),
                new Decision("es", false, 0, 1, false, false, Why.THRESHOLD),
                new Decision("fr", false, 2, 0, false, true, Why.THRESHOLD));
    }

    @Test
    void aFloorLanguageIsNeededWhenTheFloorAlsoSpeaksAnother() {
        List<Decision> decisions = ChannelRule.decide(List.of("en", "fr"), LISTENERS, conference(List.of(), 1),
                SessionSettings.DEFAULTS);

        assertThat(decisions).extracting(Decision::language, Decision::needed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("en", true),
                        org.assertj.core.groups.Tuple.tuple("es", true),
                        org.assertj.core.groups.Tuple.tuple("fr", true));
    }

    @Test
    void forcedChannelsAreNeededWithoutListenersAndDroppingWinsOverEverything() {
        SessionSettings session = new SessionSettings(Delivery.ZOOM, false, List.of("ar"), List.of("fr", "es"), null,
                null);
        List<Decision> decisions = ChannelRule.decide(List.of("en"), LISTENERS,
                conference(List.of("en", "es", "ils"), 1), session);

        assertThat(decisions).containsExactly(
                new Decision("ar", false, 0, 0, true, true, Why.FORCED),
                new Decision("en", false, 10, 5, true, false, Why.FLOOR),
                new Decision("es", false, 0, 1, true, false, Why.DROPPED),
                new Decision("fr", false, 2, 0, false, false, Why.DROPPED),
                new Decision("ils", true, 0, 0, true, true, Why.FORCED));
    }

    @Test
    void noListenersAndNothingForcedNeedsNothing() {
        assertThat(ChannelRule.decide(List.of("fr"), Listeners.NONE, ConferenceSettings.DEFAULTS,
                SessionSettings.DEFAULTS)).isEmpty();
    }

    @Test
    void deliveryFollowsTheFormatUnlessAnOrganiserChoseIt() {
        assertThat(SessionSettings.DEFAULTS.deliveryFor("IN_PERSON")).isEqualTo(Delivery.ROOM);
        assertThat(SessionSettings.DEFAULTS.deliveryFor("ONLINE")).isEqualTo(Delivery.ZOOM);
        assertThat(SessionSettings.DEFAULTS.deliveryFor("HYBRID")).isEqualTo(Delivery.BOTH);
        assertThat(new SessionSettings(Delivery.ROOM, true, List.of(), List.of(), null, null).deliveryFor("HYBRID"))
                .isEqualTo(Delivery.ROOM);
    }

    @Test
    void anOnlineSessionHasEveryListenerRemote() {
        assertThat(LISTENERS.allRemote().of("en")).isEqualTo(new Count(0, 15));
    }

    private static ConferenceSettings conference(List<String> alwaysOffer, int threshold) {
        return new ConferenceSettings(List.of(), alwaysOffer, threshold, null, null);
    }
}
