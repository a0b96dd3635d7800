package dev.hybridconf.contracts.rapporteur;

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
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventTypes;
import dev.hybridconf.contracts.rapporteur.SummaryPublished.PublishedLanguage;
import dev.hybridconf.contracts.rapporteur.SummaryPublished.Source;

/**
 * A published day summary as it travels: a first version and a correction validate against the schema, read back
 * equal and are keyed by the day; a text, an unknown language, a bad hash or an extra field are refused.
 */
class RapporteurEventContractTests {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String RAPPORTEUR = "3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1";

    private final EventCodec codec = new EventCodec(Clock.fixed(Instant.parse("2021-02-16T20:00:00Z"), ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aFirstVersionAndACorrectionValidateReadBackAndAreKeyedByTheDay() throws Exception {
        LocalDate day = LocalDate.parse("2021-02-16");
        Instant at = Instant.parse("2021-02-16T19:45:00Z");
        List<SummaryPublished> events = List.of(
                new SummaryPublished("uclg-seminar-campus-2021", day, 1,
                        List.of(new PublishedLanguage("en", 3, null, false, SHA),
                                new PublishedLanguage("fr", 2, new Source("en", 3), false, SHA)),
                        List.of("es"), List.of("en", "fr"), Map.of(), null, RAPPORTEUR, at),
                new SummaryPublished("uclg-seminar-campus-2021", day, 2,
                        List.of(new PublishedLanguage("en", 4, null, false, SHA),
                                new PublishedLanguage("fr", 2, new Source("en", 3), true, SHA)),
                        List.of("es"), List.of("en"), Map.of("en", "Housing figures corrected."), 1, RAPPORTEUR,
                        at.plusSeconds(600)));

        for (SummaryPublished payload : events) {
            CloudEvent event = codec.wrap("rapporteur-notes-service", payload);
            String wire = codec.toJson(event);

            JsonNode data = json.readTree(wire).get("data");
            Set<ValidationMessage> errors = schema().validate(data,
                    context -> context.getExecutionConfig().setFormatAssertionsEnabled(true));
            assertThat(errors).as("%s", data).isEmpty();
            assertThat(event.subject()).isEqualTo("uclg-seminar-campus-2021:2021-02-16");
            assertThat(EventTypes.all()).containsEntry(SummaryPublished.TYPE, SummaryPublished.class);
            assertThat(codec.payload(codec.fromJson(wire), SummaryPublished.class)).isEqualTo(payload);
        }
    }

    @Test
    void aTextAnUnknownLanguageABadHashOrNoLanguageIsRefusedByTheSchema() throws Exception {
        String valid = """
                {"conferenceId":"uclg-seminar-campus-2021","day":"2021-02-16","version":1,
                 "languages":[{"language":"%s","revision":1,"writtenFrom":null,"stale":false,"sha256":"%s"}],
                 "missing":[],"changed":["en"],"notes":{},"correctionOf":null,"publishedBy":"%s",
                 "publishedAt":"2021-02-16T19:45:00Z"%s}""";

        assertThat(validate(valid.formatted("en", SHA, RAPPORTEUR, ""))).isEmpty();
        assertThat(validate(valid.formatted("de", SHA, RAPPORTEUR, ""))).isNotEmpty();
        assertThat(validate(valid.formatted("en", SHA.toUpperCase(), RAPPORTEUR, ""))).isNotEmpty();
        assertThat(validate(valid.formatted("en", SHA.substring(1), RAPPORTEUR, ""))).isNotEmpty();
        assertThat(validate(valid.formatted("en", SHA, RAPPORTEUR, ",\"markdown\":\"# Trends\"")))
                .isNotEmpty();
        assertThat(validate(valid.formatted("en", SHA, RAPPORTEUR, "").replaceAll("\"languages\":\\[.*?\\],",
                "\"languages\":[],"))).isNotEmpty();
        assertThat(validate(valid.formatted("en", SHA, RAPPORTEUR, "").replace("\"notes\":{}",
                "\"notes\":{\"de\":\"x\"}"))).isNotEmpty();
        assertThat(validate(valid.formatted("en", SHA, RAPPORTEUR, "").replace("\"notes\":{}",
                "\"notes\":{\"en\":\"" + "x".repeat(501) + "\"}"))).isNotEmpty();
    }

    private Set<ValidationMessage> validate(String data) throws Exception {
        return schema().validate(json.readTree(data),
                context -> context.getExecutionConfig().setFormatAssertionsEnabled(true));
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(SummaryPublished.TYPE))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
