package dev.hybridconf.kit.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;

import dev.hybridconf.contracts.MalformedEventException;
import dev.hybridconf.contracts.UnknownEventVersionException;
import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.RebuildInProgressException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What a consumer does with an event whose handling failed, decided from the exception (and its causes):
 * <ul>
 * <li>{@link #TRANSIENT}: the event is fine, the world is not (Redis or the broker unavailable, a timeout, Redis
 * still loading its data after a restart, a write that lost an optimistic race). Retried in place, for ever, with
 * exponential back-off, so nothing after it in its partition is applied first.</li>
 * <li>{@link #UNDECODABLE}, {@link #SCHEMA_INVALID}, {@link #UNKNOWN_VERSION}, {@link #REJECTED}: the event is
 * broken, or the consumer's business rules refuse it (a {@link ProblemException} that is not a lost race): no
 * retry can help, so it goes to the dead-letter topic at once, with its reason in the
 * {@value #REASON_HEADER} header.</li>
 * <li>{@link #UNEXPECTED}: anything else (a defect): retried a few times, then dead-lettered.</li>
 * </ul>
 */
public enum FailureClass {

    TRANSIENT(null),
    UNDECODABLE("undecodable"),
    SCHEMA_INVALID("schema-invalid"),
    UNKNOWN_VERSION("unknown-version"),
    REJECTED("rejected"),
    UNEXPECTED("unexpected");

    /** Header on a dead-letter record naming why it is there (one of the reasons above). */
    public static final String REASON_HEADER = "hybridconf-dlt-reason";

    /** Redis error replies that mean "not now" (loading after a restart, a replica promoting, a busy script). */
    private static final Set<String> TRANSIENT_REPLIES = Set.of("LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN",
            "CLUSTERDOWN", "READONLY", "NOREPLICAS");

    private final String reason;

    FailureClass(String reason) {
        this.reason = reason;
    }

    /** The dead-letter reason; null for {@link #TRANSIENT}, which never goes there. */
    public String reason() {
        return reason;
    }

    /** Classifies a failure by the first cause that says something (the listener's exception is usually wrapped). */
    public static FailureClass of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            FailureClass found = direct(t);
            if (found != null) {
                return found;
            }
        }
        return UNEXPECTED;
    }

    private static FailureClass direct(Throwable t) {
        if (t instanceof RebuildInProgressException) {
            return TRANSIENT;
        }
        if (t instanceof DeserializationException) {
            return UNDECODABLE;
        }
        if (t instanceof UnknownEventVersionException) {
            return UNKNOWN_VERSION;
        }
        if (t instanceof MalformedEventException || t instanceof MessageConversionException) {
            // Raised while binding an event's data to its contract; an unreadable envelope fails in the
            // deserializer and arrives as a DeserializationException.
            return SCHEMA_INVALID;
        }
        if (t instanceof ProblemException problem) {
            return problem.slug() != null && problem.slug().endsWith("-changed-concurrently") ? TRANSIENT : REJECTED;
        }
        if (t instanceof JedisDataException data) {
            String message = data.getMessage() == null ? "" : data.getMessage().trim();
            int space = message.indexOf(' ');
            String code = (space < 0 ? message : message.substring(0, space)).toUpperCase(Locale.ROOT);
            return TRANSIENT_REPLIES.contains(code) ? TRANSIENT : null;
        }
        if (t instanceof JedisException || t instanceof RetriableException || t instanceof TimeoutException
                || t instanceof IOException || t instanceof UncheckedIOException) {
            return TRANSIENT;
        }
        return null;
    }
}
