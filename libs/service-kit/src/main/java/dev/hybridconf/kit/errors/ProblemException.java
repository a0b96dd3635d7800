package dev.hybridconf.kit.errors;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * An error a caller can act on. It names a message key rather than a sentence, so the answer is
 * written in the caller's language (English, French or Spanish, from {@code Accept-Language});
 * its type is a stable URI clients may switch on.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String messageKey;
    private final transient Object[] arguments;
    private final transient Duration retryAfter;

    protected ProblemException(HttpStatus status, String slug, String messageKey, Object... arguments) {
        this(null, status, slug, messageKey, arguments);
    }

    /**
     * A temporary refusal: the answer carries {@code Retry-After} ({@code retryAfter}, at least 1 s) so that the
     * caller asks again instead of giving up. Null: no header.
     */
    protected ProblemException(Duration retryAfter, HttpStatus status, String slug, String messageKey,
            Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.status = status;
        this.slug = slug;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    /** The last segment of the problem type, e.g. {@code capacity-reached}: what callers branch on. */
    public String slug() {
        return slug;
    }

    public URI type() {
        return Problems.type(slug);
    }

    /** Key of the human-readable detail in the {@code i18n/problems} or the service's {@code i18n/messages} bundle. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** How long to wait before asking again, when the refusal is temporary. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
