package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * A 5,000-row registration import (about half a megabyte, far above the 64 KiB any other request may send)
 * with bad rows among the good ones, on a real Redis and Kafka broker. This class has a namespace of
 * its own, so everything stored and published in it comes from this import.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class CsvImportScaleTests {

    private static final Logger log = LoggerFactory.getLogger(CsvImportScaleTests.class);

    private static final int ROWS = 5_000;
    private static final String[] COUNTRIES = {"CO", "SN", "ES", "FR", "GH", "BR"};
    private static final String[] CITIES = {"Bogotá", "Dakar", "Sevilla", "Lyon", "Accra", "São Paulo"};
    private static final String[] LANGUAGES = {"es", "fr", "es", "fr", "en", "es"};

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    TopicNames topics;

    @Test
    void fiveThousandRowsAreImportedWithEachBadRowReportedAndOnlyTheGoodOnesStoredAndPublished() {
        OrganiserApi api = new OrganiserApi(port, tokens);
        String marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<Long, String> expectedErrors = new TreeMap<>();
        Map<String, Long> expectedByCountry = new TreeMap<>();
        Map<String, Long> expectedByLanguage = new HashMap<>();
        Map<String, Long> expectedByMode = new HashMap<>();
        StringBuilder csv = new StringBuilder("fullName,email,organisation,position,city,country,attendanceMode,"
                + "preferredLanguage,interpretationNeeded,interpretationLanguage,privacyConsent\r\n");
        for (int i = 0; i < ROWS; i++) {
            long row = i + 2;
            int k = i % COUNTRIES.length;
            String mode = i % 3 == 0 ? "IN_PERSON" : "REMOTE";
            List<String> cells = new ArrayList<>(List.of("Person " + i, "p" + i + "." + marker + "@example.org",
                    "Ville " + marker, "Officer", CITIES[k], COUNTRIES[k], mode, LANGUAGES[k], "no", "", "yes"));
            if (i % 50 == 7) {
                // A bad row of one of seven kinds; the row before it is always a good one.
                switch ((i / 50) % 7) {
                    case 0 -> { cells.set(1, ""); expectedErrors.put(row, "email"); }
                    case 1 -> { cells.set(5, "XX"); expectedErrors.put(row, "country"); }
                    case 2 -> { cells.set(6, "HYBRID"); expectedErrors.put(row, "attendanceMode"); }
                    case 3 -> { cells.set(1, "p" + (i - 1) + "." + marker + "@example.org"); expectedErrors.put(row, "email"); }
                    case 4 -> { cells.remove(cells.size() - 1); expectedErrors.put(row, "-"); }
                    case 5 -> { cells.set(10, "no"); expectedErrors.put(row, "privacyConsent"); }
                    default -> { cells.set(8, "yes"); expectedErrors.put(row, "interpretationLanguage"); }
                }
            } else {
                expectedByCountry.merge(COUNTRIES[k], 1L, Long::sum);
                expectedByLanguage.merge(LANGUAGES[k], 1L, Long::sum);
                expectedByMode.merge(mode, 1L, Long::sum);
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        int good = ROWS - expectedErrors.size();
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        HttpResponse<String> accepted = api.upload("registrations", body, "text/csv; charset=UTF-8", api.organiser(), "en");
        long acceptedAfter = millisSince(start);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode started = api.http().json(accepted);
        String id = started.get("id").asString();
        List<Long> rowsReadSeen = new ArrayList<>();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = api.read("/api/registrations/imports/" + id);
            rowsReadSeen.add(last[0].get("rowsRead").asLong());
            return !"RUNNING".equals(last[0].get("status").asString());
        });
        long doneAfter = millisSince(start);
        JsonNode job = last[0];
        long serverMillis = Duration.between(Instant.parse(job.get("createdAt").asString()),
                Instant.parse(job.get("finishedAt").asString())).toMillis();
        log.info("{}-row import ({} bytes): 202 after {} ms, DONE seen after {} ms, server-side {} ms "
                + "(createdAt to finishedAt); rowsRead seen while polling: {}", ROWS, body.length, acceptedAfter,
                doneAfter, serverMillis, distinct(rowsReadSeen));

        assertThat(body.length).isGreaterThan(64 * 1024);
        assertThat(started.get("status").asString()).isEqualTo("RUNNING");
        assertThat(started.get("rowsTotal").asLong()).isEqualTo(ROWS);
        assertThat(rowsReadSeen).isSorted();
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(ROWS);
        assertThat(job.get("succeeded").asLong()).isEqualTo(good);
        assertThat(job.get("failed").asLong()).isEqualTo(expectedErrors.size());
        assertThat(job.get("errorsOmitted").asLong()).isZero();
        Map<Long, String> reported = new TreeMap<>();
        job.get("errors").forEach(error -> {
            assertThat(error.get("message").asString()).isNotBlank();
            reported.put(error.get("row").asLong(), error.get("field").isNull() ? "-" : error.get("field").asString());
        });
        assertThat(job.get("errors").size()).isEqualTo(expectedErrors.size());
        assertThat(reported).isEqualTo(expectedErrors);

        JsonNode counts = api.read("/api/registrations/counts");
        assertThat(counts.get("total").asLong()).isEqualTo(good);
        assertThat(counts.get("byStatus").get("PENDING").asLong()).isEqualTo(good);
        assertThat(counts.get("byCountry").toString()).isEqualTo(json(expectedByCountry));
        for (var entry : expectedByLanguage.entrySet()) {
            assertThat(counts.get("byLanguage").get(entry.getKey()).asLong()).isEqualTo(entry.getValue());
        }
        for (var entry : expectedByMode.entrySet()) {
            assertThat(counts.get("byAttendanceMode").get(entry.getKey()).asLong()).isEqualTo(entry.getValue());
        }

        Set<String> stored = new HashSet<>();
        for (int page = 0; page * 500 < good; page++) {
            api.read("/api/registrations?sort=submittedAt&size=500&page=" + page).get("items")
                    .forEach(item -> stored.add(item.get("id").asString()));
        }
        assertThat(stored).hasSize(good);
        String topic = topics.physical("registration.events");
        List<ConsumerRecord<String, String>> submitted = KafkaProbe.shared()
                .readUntil(topic, Duration.ofMinutes(2), records -> submittedEvents(records).size() >= good);
        List<String> keys = submittedEvents(submitted).stream().map(ConsumerRecord::key).toList();
        assertThat(keys).hasSize(good);
        assertThat(new HashSet<>(keys)).isEqualTo(stored);
    }

    private static List<ConsumerRecord<String, String>> submittedEvents(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.value().contains("\"type\":\"registration.submitted.v1\"")).toList();
    }

    private static List<Long> distinct(List<Long> values) {
        return values.stream().distinct().toList();
    }

    private static String json(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>(counts);
        StringBuilder out = new StringBuilder("{");
        ordered.forEach((key, value) -> out.append(out.length() > 1 ? "," : "").append('"').append(key).append("\":")
                .append(value));
        return out.append('}').toString();
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
