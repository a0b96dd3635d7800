package dev.hybridconf.contracts.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
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

/**
 * Every registration event names the conference the registration belongs to: each validates against its
 * schema with it, a payload without it is refused by its schema, and one written before conferences were
 * the boundary still reads (its conference null, for the consumer to default).
 */
class RegistrationEventContractTests {

    private static final String ID = "3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1";
    private static final String CONFERENCE = "local-action-2024";

    private final EventCodec codec = new EventCodec(Clock.fixed(Instant.parse("2024-10-01T09:00:00Z"), ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    private final List<EventPayload> events = List.of(
            new RegistrationSubmitted(ID, CONFERENCE, "REMOTE", "fr", "SN"),
            new RegistrationApproved(ID, CONFERENCE, "REMOTE", "fr", "en", "Africa/Dakar", List.of("participant")),
            new RegistrationWaitlisted(ID, CONFERENCE, "IN_PERSON"),
            new RegistrationRejected(ID, CONFERENCE),
            new RegistrationCancelled(ID, CONFERENCE, "REMOTE", true),
            new RegistrationOfferMade(ID, CONFERENCE, "IN_PERSON", Instant.parse("2024-10-03T09:00:00Z")),
            new RegistrationOfferExpired(ID, CONFERENCE, "IN_PERSON"),
            new AttendanceChanged(ID, CONFERENCE, "IN_PERSON", "REMOTE", "APPROVED"),
            new LanguageChanged(ID, CONFERENCE, "es", null),
            new RolesChanged(ID, CONFERENCE, List.of("moderator", "participant")),
            new SponsorshipDecided(ID, CONFERENCE, "GRANTED"),
            new ParticipantErased(ID, CONFERENCE, "REMOTE", false),
            new RegistrationReminderRequested(ID, CONFERENCE),
            new InvitationIssued(ID, CONFERENCE, "es", true));

    @Test
    void everyRegistrationEventCarriesItsConferenceAndValidatesAgainstItsSchema() throws Exception {
        assertThat(events.stream().map(EventPayload::eventType).toList()).as("every type of registration.events")
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().entrySet().stream()
                        .filter(e -> RegistrationEvent.class.isAssignableFrom(e.getValue())
                                || e.getValue() == InvitationIssued.class)
                        .map(java.util.Map.Entry::getKey).toList());
        for (EventPayload payload : events) {
            String wire = codec.toJson(codec.wrap("registration-service", payload));
            JsonNode data = json.readTree(wire).get("data");

            Set<ValidationMessage> errors = schema(payload.eventType()).validate(data,
                    context -> context.getExecutionConfig().setFormatAssertionsEnabled(true));

            assertThat(errors).as("%s: %s", payload.eventType(), data).isEmpty();
            assertThat(data.get("conferenceId").asText()).as(payload.eventType()).isEqualTo(CONFERENCE);
            assertThat(codec.payload(codec.fromJson(wire), payload.getClass())).isEqualTo(payload);

            com.fasterxml.jackson.databind.node.ObjectNode without = data.deepCopy();
            without.remove("conferenceId");
            assertThat(schema(payload.eventType()).validate(without)).as("%s without its conference", payload.eventType())
                    .isNotEmpty();
            com.fasterxml.jackson.databind.node.ObjectNode hostile = data.deepCopy();
            hostile.put("conferenceId", "../Other Conference");
            assertThat(schema(payload.eventType()).validate(hostile)).as("%s with a conference that is no slug",
                    payload.eventType()).isNotEmpty();
        }
    }

    @Test
    void anEventWrittenBeforeConferencesWereTheBoundaryStillReadsWithoutAConference() {
        CloudEvent old = codec.fromJson("""
                {"specversion":"1.0","id":"%s","source":"registration-service","type":"registration.approved.v1",
                 "subject":"%s","time":"2024-10-01T09:00:00Z","datacontenttype":"application/json",
                 "data":{"registrationId":"%s","attendanceMode":"REMOTE","preferredLanguage":"fr",
                         "interpretationLanguage":null,"timeZone":null,"roles":["participant"]}}""".formatted(ID, ID, ID));

        RegistrationApproved approved = codec.payload(old, RegistrationApproved.class);

        assertThat(approved.registrationId()).isEqualTo(ID);
        assertThat(approved.conferenceId()).isNull();
    }

    private static com.networknt.schema.JsonSchema schema(String type) throws Exception {
        try (InputStream in = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(type))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(in));
        }
    }
}
