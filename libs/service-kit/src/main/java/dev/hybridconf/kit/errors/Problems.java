package dev.hybridconf.kit.errors;

import java.net.URI;

/** The stable problem type URIs of the platform. */
public final class Problems {

    private static final String BASE = "https://hybridconf.dev/problems/";

    public static final URI VALIDATION = type("validation");
    public static final URI MALFORMED_BODY = type("malformed-body");
    /** The request itself is broken: an address or query that is not valid UTF-8, a forbidden path. */
    public static final URI MALFORMED_REQUEST = type("malformed-request");
    public static final URI URI_TOO_LONG = type("uri-too-long");
    public static final URI HEADERS_TOO_LARGE = type("headers-too-large");
    public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");
    public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
    public static final URI UNAUTHENTICATED = type("unauthenticated");
    public static final URI FORBIDDEN = type("forbidden");
    /** The token's signing keys could not be fetched (the issuer's JWK set did not answer): 503, try again. */
    public static final URI IDENTITY_UNAVAILABLE = type("identity-unavailable");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI INTERNAL = type("internal");

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /**
     * The problem slug of an HTTP status the framework or the container raised on its own, for
     * answers that have no exception of ours behind them.
     */
    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 500 -> "internal";
            default -> "http-" + status;
        };
    }

    /** The message key of {@link #slugFor(int)}'s problem. */
    public static String messageKeyFor(int status) {
        if (status == 413) {
            return "problem.content-too-large";
        }
        String slug = slugFor(status);
        return slug.startsWith("http-") ? "problem.http" : "problem." + slug;
    }
}
