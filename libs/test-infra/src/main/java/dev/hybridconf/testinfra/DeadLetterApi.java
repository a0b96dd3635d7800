package dev.hybridconf.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A service's dead-letter operations ({@code <path>/{topic}}, {@code <path>/{topic}/replay}) as an organiser calls
 * them, for the services' dead-letter tests. The test says how a request reaches the service (MockMvc with an
 * organiser's token, or real HTTP).
 */
public final class DeadLetterApi {

    /** An answer: its status and body. */
    public record Answer(int status, String body) {
    }

    /** Sends a request as an organiser: method, path with its query, JSON body (null for none). */
    @FunctionalInterface
    public interface Caller {
        Answer call(String method, String pathAndQuery, String jsonBody) throws Exception;
    }

    private final Caller caller;
    private final String base;
    private final ObjectMapper json = new ObjectMapper();

    public DeadLetterApi(Caller caller, String base) {
        this.caller = caller;
        this.base = base;
    }

    /** The first of the newest 500 dead letters of {@code topic} that {@code wanted} accepts, waiting up to 30 s. */
    public JsonNode awaitListed(String topic, Predicate<JsonNode> wanted) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> find(topic, wanted), letter -> letter != null);
    }

    /** The first of the newest 500 dead letters of {@code topic} that {@code wanted} accepts, or null. */
    public JsonNode find(String topic, Predicate<JsonNode> wanted) throws Exception {
        JsonNode page = json.readTree(call("GET", base + "/" + topic + "?limit=500", null));
        for (JsonNode letter : page.get("deadLetters")) {
            if (wanted.test(letter)) {
                return letter;
            }
        }
        return null;
    }

    /** Replays one dead letter (as listed) and returns the answer. */
    public JsonNode replay(String topic, JsonNode letter) throws Exception {
        return replay(topic, "{\"records\":[{\"partition\":%d,\"offset\":%d}]}".formatted(letter.get("partition").asInt(),
                letter.get("offset").asLong()));
    }

    public JsonNode replay(String topic, String body) throws Exception {
        return json.readTree(call("POST", base + "/" + topic + "/replay", body));
    }

    /** The {@code hybridconf-replay-of} header value a replay of this dead letter carries. */
    public static String replayOf(String topic, JsonNode letter) {
        return topic + ".dlt:" + letter.get("partition").asInt() + ":" + letter.get("offset").asLong();
    }

    private String call(String method, String path, String body) throws Exception {
        Answer answer = caller.call(method, path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }
}
