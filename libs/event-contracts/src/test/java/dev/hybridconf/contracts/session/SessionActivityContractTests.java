package dev.hybridconf.contracts.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.EventTypes;
import dev.hybridconf.contracts.streaming.MeetingEnded;
import dev.hybridconf.contracts.streaming.MeetingStarted;

/**
 * Conclusions, live status and the streaming service's meeting events as they travel: each validates
 * against its schema, reads back equal and is keyed by its session; an SDG outside 1 to 17 is refused.
 */
class SessionActivityContractTests {

    private static final String SESSION = "5b0c6f5e-1f7a-3c5e-9d1e-2a4b6c8d0e1f";
    private static final String MODERATOR = "3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1";

    private final EventCodec codec = new EventCodec(Clock.fixed(Instant.parse("2024-11-07T12:00:00Z"), ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void activityAndMeetingEventsValidateAgainstTheirSchemasAndReadBack() throws Exception {
        Instant at = Instant.parse("2024-11-07T11:45:00Z");
        List<EventPayload> events = List.of(
                new ConclusionPosted(SESSION, "local-action-2024", LocalDate.parse("2024-11-07"), 2, "fr",
                        "Les villes ont besoin de financements directs.", List.of("Accès au crédit"),
                        List.of("Créer un fonds municipal"), List.of("finance"), List.of(1, 11, 17), MODERATOR, at),
                new ConclusionsLockChanged(SESSION, "local-action-2024", LocalDate.parse("2024-11-07"),
                        at.plusSeconds(1800), "WRAP_UP", null, null, at),
                new ConclusionsLockChanged(SESSION, "local-action-2024", LocalDate.parse("2024-11-07"),
                        null, "UNLOCKED", null, "organiser-sub", at),
                new ConclusionsLockChanged(SESSION, "local-action-2024", LocalDate.parse("2024-11-07"),
                        at.plusSeconds(7200), "UNLOCKED", at.plusSeconds(7200), "organiser-sub", at),
                new LiveStatusChanged(SESSION, "local-action-2024", "LIVE", "SCHEDULED", "STREAMING", 1, at),
                new LiveStatusChanged(SESSION, "local-action-2024", "ENDED", "LIVE", "API", 2, at),
                new MeetingStarted(SESSION, at),
                new MeetingEnded(SESSION, at.plusSeconds(3600)));

        for (EventPayload payload : events) {
            CloudEvent event = codec.wrap("session-service", payload);
            String wire = codec.toJson(event);

            JsonNode data = json.readTree(wire).get("data");
            Set<ValidationMessage> errors = schema(payload.eventType()).validate(data,
                    context -> context.getExecutionConfig().setFormatAssertionsEnabled(true));
            assertThat(errors).as("%s: %s", payload.eventType(), data).isEmpty();
            assertThat(event.subject()).isEqualTo(SESSION);
            assertThat(EventTypes.all()).containsEntry(payload.eventType(), payload.getClass());
            assertThat(codec.payload(codec.fromJson(wire), payload.getClass())).isEqualTo(payload);
        }
    }

    @Test
    void aConclusionWithAnSdgOutsideOneToSeventeenOrAModeratorNameIsRefusedByItsSchema() throws Exception {
        String valid = """
                {"sessionId":"%s","conferenceId":"local-action-2024","day":"2024-11-07","revision":1,"language":"en",
                 "summary":"s","keyPoints":[],"recommendations":[],"themes":[],"sdgs":[%s],"postedBy":"%s",
                 "postedAt":"2024-11-07T11:45:00Z"%s}""";

        assertThat(schema(ConclusionPosted.TYPE).validate(json.readTree(valid.formatted(SESSION, "11", MODERATOR, ""))))
                .isEmpty();
        assertThat(schema(ConclusionPosted.TYPE).validate(json.readTree(valid.formatted(SESSION, "18", MODERATOR, ""))))
                .isNotEmpty();
        assertThat(schema(ConclusionPosted.TYPE).validate(json.readTree(
                valid.formatted(SESSION, "11", MODERATOR, ",\"moderatorName\":\"Amina Diallo\"")))).isNotEmpty();
    }

    @Test
    void aLockChangeWithAnUnknownSourceOrAMissingFieldIsRefusedByItsSchema() throws Exception {
        String valid = """
                {"sessionId":"%s","conferenceId":"local-action-2024","day":"2024-11-07",
                 "lockAt":"2024-11-07T16:00:00Z","source":"%s","relockAt":null,"changedBy":null,
                 "changedAt":"2024-11-07T11:45:00Z"}""";

        assertThat(schema(ConclusionsLockChanged.TYPE).validate(json.readTree(valid.formatted(SESSION, "DAY"))))
                .isEmpty();
        assertThat(schema(ConclusionsLockChanged.TYPE).validate(json.readTree(valid.formatted(SESSION, "SOMETIME"))))
                .isNotEmpty();
        assertThat(schema(ConclusionsLockChanged.TYPE).validate(json.readTree(
                valid.formatted(SESSION, "DAY").replace(",\"changedBy\":null", "")))).isNotEmpty();
    }

    private static com.networknt.schema.JsonSchema schema(String type) throws Exception {
        try (InputStream in = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(type))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(in));
        }
    }
}
