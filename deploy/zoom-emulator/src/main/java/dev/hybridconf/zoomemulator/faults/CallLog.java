package dev.hybridconf.zoomemulator.faults;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.hybridconf.zoomemulator.EmulatorClock;

/**
 * Every call to an emulated Zoom endpoint and how it ended (the status answered, or {@code dropped}), counted per
 * endpoint, so that a test can assert "exactly one meeting was created" or "no more than 20 batch calls".
 */
@Component
public class CallLog {

    static final int RECENT = 500;

    /**
     * One call.
     *
     * @param at when it arrived (emulated clock)
     * @param endpoint the endpoint as Zoom's reference names it, e.g. {@code POST /v2/users/{userId}/meetings}
     * @param path the path called
     * @param outcome the status answered, or {@code dropped}
     * @param injected the fault injected, if any ({@code server-error}, {@code too-many-requests}, {@code drop})
     * @param millis how long the answer took
     */
    public record Call(Instant at, String endpoint, String path, String outcome, String injected, long millis) {
    }

    /**
     * The calls of one endpoint.
     *
     * @param endpoint e.g. {@code POST /v2/meetings/{meetingId}/batch_registrants}
     * @param total every call
     * @param outcomes calls by outcome ({@code "201"}, {@code "429"}, {@code "dropped"}, ...)
     */
    public record EndpointCalls(String endpoint, int total, Map<String, Integer> outcomes) {
    }

    private final EmulatorClock clock;
    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Deque<Call> recent = new ArrayDeque<>();

    public CallLog(EmulatorClock clock) {
        this.clock = clock;
    }

    public synchronized void record(String endpoint, String path, String outcome, String injected, long millis) {
        counts.computeIfAbsent(endpoint, e -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        recent.addLast(new Call(clock.now(), endpoint, path, outcome, injected, millis));
        while (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }

    public synchronized List<EndpointCalls> endpoints() {
        List<EndpointCalls> result = new ArrayList<>();
        counts.forEach((endpoint, outcomes) -> result.add(new EndpointCalls(endpoint,
                outcomes.values().stream().mapToInt(Integer::intValue).sum(), Map.copyOf(outcomes))));
        return result;
    }

    /** The last {@value #RECENT} calls, oldest first. */
    public synchronized List<Call> recent() {
        return List.copyOf(recent);
    }

    public synchronized void reset() {
        counts.clear();
        recent.clear();
    }
}
