package dev.hybridconf.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.registration.RegistrationSubmitted;

class EventCodecTests {

    private final EventCodec codec = new EventCodec(Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void envelopeCarriesTheLogicalTypeAndAggregateIdNeverTheClassName() {
        var payload = new RegistrationSubmitted("3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1", "local-action-2024", "REMOTE", "fr",
                "SN");

        String json = codec.toJson(codec.wrap("registration-service", payload));

        assertThat(json).contains("\"type\":\"registration.submitted.v1\"")
                .contains("\"subject\":\"3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1\"")
                .contains("\"specversion\":\"1.0\"")
                .contains("\"time\":\"2026-11-23T09:00:00Z\"")
                .doesNotContain("RegistrationSubmitted");
    }

    @Test
    void roundTripKeepsThePayload() {
        var payload = new RegistrationSubmitted("3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1", "local-action-2024", "IN_PERSON",
                "es", "CO");
        CloudEvent event = codec.wrap("registration-service", payload);

        CloudEvent read = codec.fromJson(codec.toJson(event));

        assertThat(read.id()).isEqualTo(event.id());
        assertThat(codec.payload(read, RegistrationSubmitted.class)).isEqualTo(payload);
    }

    @Test
    void theAggregateVersionTravelsAsALowerCaseExtensionAttributeAndComesBack() {
        var payload = new RegistrationSubmitted("3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1", "local-action-2024", "REMOTE", "fr",
                "SN");
        CloudEvent numbered = codec.wrap("registration-service", payload).withAggregateVersion(7);

        String json = codec.toJson(numbered);
        CloudEvent read = codec.fromJson(json);

        assertThat(json).endsWith(",\"aggregateversion\":7}");
        assertThat(read.aggregateVersion()).hasValue(7);
        assertThat(read.aggregateversion()).isEqualTo(7L);
    }

    @Test
    void anEnvelopeNotNumberedYetHasNoVersionAttributeAndOldEventsWithoutOneStillRead() {
        var payload = new RegistrationSubmitted("3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1", "local-action-2024", "REMOTE", "fr",
                "SN");
        CloudEvent unnumbered = codec.wrap("registration-service", payload);

        String json = codec.toJson(unnumbered);

        // The outbox step numbers it by adding the attribute before the closing brace.
        assertThat(json).doesNotContain("aggregateversion").endsWith("}}");
        assertThat(codec.fromJson(json).aggregateVersion()).isEmpty();
        assertThatThrownBy(() -> codec.fromJson(json.substring(0, json.length() - 1) + ",\"aggregateversion\":0}"))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void textThatIsNotAnEnvelopeIsMalformed() {
        assertThatThrownBy(() -> codec.fromJson("not json at all")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.fromJson("{\"specversion\":\"1.0\",\"type\":\"x.y.v1\"}"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.fromJson("{\"specversion\":\"0.3\",\"id\":\"3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1\","
                + "\"source\":\"s\",\"type\":\"x.y.v1\",\"subject\":\"a\",\"time\":\"2026-11-23T09:00:00Z\",\"data\":{}}"))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void everyRegisteredTypeHasASchemaOnTheClasspath() throws Exception {
        for (String type : EventTypes.all().keySet()) {
            try (InputStream schema = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(type))) {
                assertThat(schema).as("schema for %s", type).isNotNull();
            }
        }
    }
}
