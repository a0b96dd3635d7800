package dev.hybridconf.zoomemulator.faults;

import java.util.List;
import java.util.Locale;

/**
 * One fault to inject. A request matches when its path matches {@code path} (Ant style: {@code *} one segment,
 * {@code **} any; {@code {name}} also matches one segment, so Zoom's templates can be pasted) and its method is one
 * of {@code methods} (all when empty). A matching request is first delayed by {@code latencyMillis}, then dropped,
 * answered with a server error or answered with a per-second 429, each with its probability (checked in that order).
 *
 * @param path the paths it applies to; {@code /**} (the default) is every Zoom path, token endpoint included
 * @param methods the HTTP methods it applies to; empty for all
 * @param serverErrorRate probability (0 to 1) of answering {@code serverErrorStatus}
 * @param serverErrorStatus the status of injected server errors (default 500)
 * @param tooManyRequestsRate probability of answering a per-second 429, whatever the real counts
 * @param dropRate probability of closing the connection without any answer
 * @param latencyMillis delay added before anything else happens
 * @param times how many matching requests the rule applies to before it retires; {@code null} for no end
 */
public record FaultRule(String path, List<String> methods, Double serverErrorRate, Integer serverErrorStatus,
        Double tooManyRequestsRate, Double dropRate, Long latencyMillis, Integer times) {

    public FaultRule {
        path = path == null || path.isBlank() ? "/**" : path.trim();
        methods = methods == null ? List.of() : methods.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).toList();
        serverErrorRate = serverErrorRate == null ? 0 : serverErrorRate;
        tooManyRequestsRate = tooManyRequestsRate == null ? 0 : tooManyRequestsRate;
        dropRate = dropRate == null ? 0 : dropRate;
        latencyMillis = latencyMillis == null ? 0 : latencyMillis;
        serverErrorStatus = serverErrorStatus == null ? 500 : serverErrorStatus;
        requireRate("serverErrorRate", serverErrorRate);
        requireRate("tooManyRequestsRate", tooManyRequestsRate);
        requireRate("dropRate", dropRate);
        if (serverErrorStatus < 500 || serverErrorStatus > 599) {
            throw new IllegalArgumentException("serverErrorStatus must be a 5xx status, not " + serverErrorStatus);
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must not be negative");
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1 (or absent for no end)");
        }
    }

    private static void requireRate(String name, double rate) {
        if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + rate);
        }
    }
}
