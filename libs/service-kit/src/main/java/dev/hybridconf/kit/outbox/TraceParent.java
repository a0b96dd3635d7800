package dev.hybridconf.kit.outbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The W3C {@code traceparent} an outbox entry keeps of the span that emitted its event, and the trace context the
 * relay rebuilds from it, so that the record it sends is a child of the request's span
 * ({@code 00-<trace id>-<parent span id>-<flags>}, https://www.w3.org/TR/trace-context/#traceparent-header).
 */
public final class TraceParent {

    private static final Pattern W3C = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    private TraceParent() {
    }

    /** The {@code traceparent} of the tracer's current span, or null when there is none. */
    public static String ofCurrentSpan(Tracer tracer) {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (traceId == null || spanId == null || traceId.isEmpty() || spanId.isEmpty() || traceId.length() > 32
                || spanId.length() > 16) {
            return null;
        }
        String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return "00-" + "0".repeat(32 - traceId.length()) + traceId + "-" + "0".repeat(16 - spanId.length()) + spanId
                + "-" + flags;
    }

    /** The context whose child the relay's send becomes, or null when {@code traceparent} is absent or invalid. */
    public static TraceContext parse(Tracer tracer, String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher w3c = W3C.matcher(traceparent);
        if (!w3c.matches() || ZERO_TRACE.equals(w3c.group(1)) || ZERO_SPAN.equals(w3c.group(2))) {
            return null;
        }
        boolean sampled = (Integer.parseInt(w3c.group(3), 16) & 1) == 1;
        return tracer.traceContextBuilder().traceId(w3c.group(1)).spanId(w3c.group(2)).sampled(sampled).build();
    }
}
