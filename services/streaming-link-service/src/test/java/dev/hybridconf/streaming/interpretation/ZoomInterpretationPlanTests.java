package dev.hybridconf.streaming.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.AssignedInterpreter;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Channel;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.streaming.zoom.Interpreter;
import dev.hybridconf.streaming.zoom.SignInterpreter;

/** From a published snapshot to Zoom's settings, without any call: what is sent, what is reported, the fingerprint. */
class ZoomInterpretationPlanTests {

    static final Map<String, String> SIGN = new InterpretationProperties(null, null, null, null, null, null, null, null,
            null).signLanguages();

    @Test
    void onlyZoomChannelsAndInterpretersWithAZoomEmailGoToZoomInZoomsLanguagePairs() {
        ZoomInterpretationPlan plan = ZoomInterpretationPlan.of(snapshot(
                List.of(channel("fr", Delivery.BOTH, true), channel("es", Delivery.ZOOM, true),
                        channel("ar", Delivery.ROOM, true)),
                List.of(spoken("i-fr-1", "ines@interpreters.example", "en", "fr"),
                        spoken("i-fr-2", "Marc@Interpreters.example ", "en", "fr"),
                        spoken("i-es-1", "pablo@interpreters.example", "en", "es"),
                        spoken("i-ar-1", null, "en", "ar"))), SIGN);

        assertThat(plan.spoken().enable()).isTrue();
        assertThat(plan.spoken().interpreters()).containsExactly(
                new Interpreter("pablo@interpreters.example", "US,ES"),
                new Interpreter("ines@interpreters.example", "US,FR"),
                new Interpreter("marc@interpreters.example", "US,FR"));
        assertThat(plan.sign().enable()).isFalse();
        assertThat(plan.issues()).as("the room's Arabic booth is no concern of Zoom's").isEmpty();
        assertThat(plan.channels()).extracting(ZoomInterpretationPlan.ChannelPlan::interpretersOnZoom)
                .containsExactly(2, 1, 0);
        assertThat(plan.channels()).extracting(ZoomInterpretationPlan.ChannelPlan::onZoom)
                .containsExactly(true, true, false);
    }

    @Test
    void aLanguageZoomsApiDoesNotOfferIsReportedNotSentAndAMissingEmailIsNamedByRosterId() {
        ZoomInterpretationPlan plan = ZoomInterpretationPlan.of(snapshot(
                List.of(channel("ar", Delivery.ZOOM, true), channel("fr", Delivery.ZOOM, false)),
                List.of(spoken("i-ar", "ali@interpreters.example", "en", "ar"),
                        spoken("i-fr", " ", "en", "fr"), spoken("i-fr-bad", "not-an-address", "en", "fr"))), SIGN);

        assertThat(plan.spoken().enable()).as("French is on Zoom: the host may add interpreters by hand").isTrue();
        assertThat(plan.spoken().interpreters()).isEmpty();
        assertThat(plan.issues()).containsExactlyInAnyOrder(
                new ZoomInterpretationPlan.Issue(ZoomInterpretationPlan.LANGUAGE_NOT_ON_ZOOM, "ar", null),
                new ZoomInterpretationPlan.Issue(ZoomInterpretationPlan.UNCOVERED, "fr", null),
                new ZoomInterpretationPlan.Issue(ZoomInterpretationPlan.NO_ZOOM_EMAIL, "fr", "i-fr"),
                new ZoomInterpretationPlan.Issue(ZoomInterpretationPlan.INVALID_ZOOM_EMAIL, "fr", "i-fr-bad"),
                new ZoomInterpretationPlan.Issue(ZoomInterpretationPlan.NO_INTERPRETER_ON_ZOOM, "fr", null));
        assertThat(plan.toString()).doesNotContain("ali@");
    }

    @Test
    void anInterpreterWorkingBothWaysIsOneEntryAndASecondPairIsReported() {
        ZoomInterpretationPlan plan = ZoomInterpretationPlan.of(snapshot(
                List.of(channel("en", Delivery.ZOOM, true), channel("fr", Delivery.ZOOM, true),
                        channel("es", Delivery.ZOOM, true)),
                List.of(spoken("amelie", "amelie@interpreters.example", "en", "fr"),
                        spoken("amelie", "amelie@interpreters.example", "fr", "en"),
                        spoken("amelie", "amelie@interpreters.example", "en", "es"))), SIGN);

        assertThat(plan.spoken().interpreters()).containsExactly(
                new Interpreter("amelie@interpreters.example", "FR,US"));
        assertThat(plan.issues()).contains(
                new ZoomInterpretationPlan.Issue(ZoomInterpretationPlan.ONE_PAIR_PER_INTERPRETER, "es", "amelie"),
                new ZoomInterpretationPlan.Issue(ZoomInterpretationPlan.NO_INTERPRETER_ON_ZOOM, "es", null));
    }

    @Test
    void signLanguagesGoToSignLanguageInterpretationByTheAccountsNamesAndUnknownOnesAreReported() {
        ZoomInterpretationPlan plan = ZoomInterpretationPlan.of(snapshot(
                List.of(channel("ils", Delivery.ZOOM, true, true), channel("ssp", Delivery.BOTH, true, true),
                        channel("csc", Delivery.ZOOM, true, true)),
                List.of(signer("is-1", "sign@interpreters.example", "ils"),
                        signer("lse-1", "lse@interpreters.example", "ssp"),
                        signer("lsc-1", "lsc@interpreters.example", "csc"))), SIGN);

        assertThat(plan.spoken().enable()).isFalse();
        assertThat(plan.sign().enable()).isTrue();
        assertThat(plan.sign().interpreters()).containsExactly(
                new SignInterpreter("sign@interpreters.example", "International Sign"),
                new SignInterpreter("lse@interpreters.example", "Spanish"));
        assertThat(plan.issues()).containsExactly(
                new ZoomInterpretationPlan.Issue(ZoomInterpretationPlan.SIGN_LANGUAGE_NOT_ON_ZOOM, "csc", null));
    }

    @Test
    void moreThanTwentyInterpretersAreCutAtZoomsLimitAndReported() {
        List<AssignedInterpreter> many = IntStream.range(0, 23)
                .mapToObj(i -> spoken("i" + i, "i%02d@interpreters.example".formatted(i), "en", "fr")).toList();
        ZoomInterpretationPlan plan = ZoomInterpretationPlan.of(snapshot(List.of(channel("fr", Delivery.ZOOM, true)),
                many), SIGN);

        assertThat(plan.spoken().interpreters()).hasSize(20);
        assertThat(plan.issues()).containsExactly(
                new ZoomInterpretationPlan.Issue(ZoomInterpretationPlan.TOO_MANY_INTERPRETERS, null, null));
    }

    @Test
    void theSamePlanGivesTheSameFingerprintWhateverTheOrderAndAnyChangeAnother() {
        List<Channel> channels = List.of(channel("fr", Delivery.ZOOM, true), channel("es", Delivery.ZOOM, true));
        List<AssignedInterpreter> team = new ArrayList<>(List.of(spoken("a", "a@x.example", "en", "fr"),
                spoken("b", "b@x.example", "en", "fr"), spoken("c", "c@x.example", "en", "es")));
        String first = ZoomInterpretationPlan.of(snapshot(channels, team), SIGN).fingerprint();
        Collections.reverse(team);
        String reversed = ZoomInterpretationPlan.of(snapshot(List.of(channels.get(1), channels.get(0)), team), SIGN)
                .fingerprint();
        team.set(0, spoken("c", "d@x.example", "en", "es"));
        String changed = ZoomInterpretationPlan.of(snapshot(channels, team), SIGN).fingerprint();

        assertThat(reversed).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
        assertThat(first).doesNotContain("@");
    }

    @Test
    void aPlanWithoutChannelsTurnsInterpretationOff() {
        ZoomInterpretationPlan plan = ZoomInterpretationPlan.of(snapshot(List.of(), List.of()), SIGN);

        assertThat(plan.off()).isTrue();
        assertThat(plan.spoken().enable()).isFalse();
        assertThat(plan.fingerprint()).isEqualTo(ZoomInterpretationPlan.offFingerprint());
        assertThat(ZoomInterpretationPlan.of(snapshot(List.of(channel("ar", Delivery.ROOM, true)), List.of()), SIGN)
                .off()).as("only in the room").isTrue();
    }

    static SessionInterpretationPublished snapshot(List<Channel> channels, List<AssignedInterpreter> interpreters) {
        return new SessionInterpretationPublished("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "uclg-test", 1,
                List.of("en"), channels, interpreters);
    }

    static Channel channel(String language, Delivery delivery, boolean covered) {
        return channel(language, delivery, covered, false);
    }

    static Channel channel(String language, Delivery delivery, boolean covered, boolean sign) {
        return new Channel(language, sign, delivery, covered, null);
    }

    static AssignedInterpreter spoken(String id, String email, String from, String into) {
        return new AssignedInterpreter(id, email, from, into, false, true);
    }

    static AssignedInterpreter signer(String id, String email, String into) {
        return new AssignedInterpreter(id, email, "en", into, true, true);
    }
}
