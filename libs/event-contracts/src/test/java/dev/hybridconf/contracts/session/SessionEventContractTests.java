package dev.hybridconf.contracts.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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

/**
 * The programme's events as they travel: each validates against its schema (no personal data, no
 * extra fields), carries what Zoom provisioning needs, and reads back equal.
 */
class SessionEventContractTests {

    private static final String SESSION = "5b0c6f5e-1f7a-3c5e-9d1e-2a4b6c8d0e1f";
    private static final String MODERATOR = "3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1";
    private static final Map<String, String> TITLE = Map.of("en", "Cities create livelihoods",
            "fr", "Les villes créent des moyens de subsistance", "es", "Las ciudades crean medios de vida");

    private final EventCodec codec = new EventCodec(Clock.fixed(Instant.parse("2024-10-01T09:00:00Z"), ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyProgrammeEventValidatesAgainstItsSchemaAndReadsBack() throws Exception {
        Instant start = Instant.parse("2024-11-07T10:30:00Z");
        Instant end = Instant.parse("2024-11-07T12:00:00Z");
        LocalDate day = LocalDate.parse("2024-11-07");
        List<EventPayload> events = List.of(
                new ConferencePublished("local-action-2024", 1, 1, TITLE, "Europe/Madrid", List.of("en", "fr", "es"),
                        day, day.plusDays(1), true, new RegistrationTerms(100, 1000,
                                Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2024-11-06T23:00:00Z")),
                        List.of(new ConferenceDay(day, TITLE), new ConferenceDay(day.plusDays(1), Map.of()))),
                new ConferenceUpdated("local-action-2024", 2, 2, TITLE, "Europe/Madrid", List.of("en"), day, day, false,
                        RegistrationTerms.UNSTATED, List.of()),
                new ConferenceUpdated("local-action-2024", 3, 3, TITLE, "Europe/Madrid", List.of("en"), day, day, false,
                        new RegistrationTerms(0, 50, null, Instant.parse("2024-11-06T23:00:00Z")), List.of()),
                new SessionScheduled(SESSION, "local-action-2024", 1, 1, "BREAKOUT", day, start, end, "Europe/Madrid",
                        "HYBRID", List.of("en", "fr"), true, 40, List.of(MODERATOR), null, "Room A", "livelihoods",
                        "d1-breakouts", TITLE),
                new SessionUpdated(SESSION, "local-action-2024", 3, 2, "PLENARY", day, start, end, "Europe/Madrid",
                        "ONLINE", List.of(), false, null, List.of(), MODERATOR, null, null, null, TITLE,
                        List.of("room", "capacity")),
                new SessionRescheduled(SESSION, "local-action-2024", 4, 3, "PLENARY", "ONLINE", day, start, end,
                        day.plusDays(1), start.plusSeconds(86_400), end.plusSeconds(86_400), "Europe/Madrid"),
                new SessionCancelled(SESSION, "local-action-2024", 5, 4, "PLENARY", day.plusDays(1),
                        start.plusSeconds(86_400), end.plusSeconds(86_400), "Europe/Madrid"));

        for (EventPayload payload : events) {
            CloudEvent event = codec.wrap("session-service", payload);
            String wire = codec.toJson(event);

            JsonNode data = json.readTree(wire).get("data");
            Set<ValidationMessage> errors = schema(payload.eventType()).validate(data,
                    context -> context.getExecutionConfig().setFormatAssertionsEnabled(true));
            assertThat(errors).as("%s: %s", payload.eventType(), data).isEmpty();
            assertThat(EventTypes.all()).containsEntry(payload.eventType(), payload.getClass());
            assertThat(codec.payload(codec.fromJson(wire), payload.getClass())).isEqualTo(payload);
        }
    }

    @Test
    void everyEnrolmentEventValidatesAgainstItsSchemaCarriesOnlyTheRegistrationIdAndReadsBack() throws Exception {
        List<EventPayload> events = List.of(
                new SessionEnrolled(SESSION, "local-action-2024", MODERATOR, "ENROLLED", "REMOTE"),
                new SessionEnrolled(SESSION, "local-action-2024", MODERATOR, "WAITLISTED", null),
                new SessionEnrolmentCancelled(SESSION, "local-action-2024", MODERATOR, "ENROLLED", true, "LEFT"),
                new SessionEnrolmentCancelled(SESSION, "local-action-2024", MODERATOR, "WAITLISTED", false,
                        "PARTICIPANT_ERASED"),
                new SessionEnrolmentPromoted(SESSION, "local-action-2024", MODERATOR, "IN_PERSON"));

        for (EventPayload payload : events) {
            CloudEvent event = codec.wrap("session-service", payload);
            String wire = codec.toJson(event);

            JsonNode data = json.readTree(wire).get("data");
            Set<ValidationMessage> errors = schema(payload.eventType()).validate(data,
                    context -> context.getExecutionConfig().setFormatAssertionsEnabled(true));
            assertThat(errors).as("%s: %s", payload.eventType(), data).isEmpty();
            assertThat(EventTypes.all()).containsEntry(payload.eventType(), payload.getClass());
            assertThat(event.subject()).as("keyed by the breakout").isEqualTo(SESSION);
            assertThat(codec.payload(codec.fromJson(wire), payload.getClass())).isEqualTo(payload);
        }
        JsonNode unknownStatus = json.readTree("""
                {"sessionId":"%s","conferenceId":"local-action-2024","registrationId":"%s","status":"MAYBE"}""".formatted(SESSION, MODERATOR));
        assertThat(schema(SessionEnrolled.TYPE).validate(unknownStatus)).isNotEmpty();
    }

    @Test
    void aConferenceSnapshotPublishedBeforeRegistrationTermsReadsAsUnstatedAndNegativePlacesAreRefused() throws Exception {
        String old = """
                {"conferenceId":"local-action-2024","programmeVersion":1,"conferenceVersion":1,"name":{"en":"Local Action"},
                 "timeZone":"Europe/Madrid","languages":["en"],"startDate":"2024-11-07","endDate":"2024-11-08",
                 "invitationOnly":true,"days":[]}""";
        CloudEvent oldEvent = codec.fromJson("""
                {"specversion":"1.0","id":"3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1","source":"session-service",
                 "type":"conference.published.v1","subject":"local-action-2024","time":"2024-10-01T09:00:00Z",
                 "datacontenttype":"application/json","data":%s}""".formatted(old));

        ConferencePublished read = codec.payload(oldEvent, ConferencePublished.class);

        assertThat(read.registration()).isEqualTo(RegistrationTerms.UNSTATED);
        assertThat(read.invitationOnly()).isTrue();
        assertThat(schema(ConferencePublished.TYPE).validate(json.readTree(old))).as("a new snapshot states its terms")
                .isNotEmpty();
        JsonNode negative = json.readTree(old.replace("\"days\":[]", "\"days\":[],\"registration\":"
                + "{\"inPersonCapacity\":-1,\"remoteCapacity\":null,\"opensAt\":null,\"closesAt\":null}"));
        assertThat(schema(ConferencePublished.TYPE).validate(negative)).isNotEmpty();
    }

    @Test
    void aSessionEventWithAnExtraFieldIsRefusedByItsSchema() throws Exception {
        JsonNode data = json.readTree("""
                {"sessionId":"%s","conferenceId":"local-action-2024","programmeVersion":1,"sessionVersion":1,
                 "kind":"PLENARY","day":"2024-11-07","start":"2024-11-07T10:30:00Z","end":"2024-11-07T12:00:00Z",
                 "timeZone":"Europe/Madrid","speakers":["Someone"]}""".formatted(SESSION));

        assertThat(schema(SessionCancelled.TYPE).validate(data)).isNotEmpty();
    }

    private static com.networknt.schema.JsonSchema schema(String type) throws Exception {
        try (InputStream in = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(type))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(in));
        }
    }
}
