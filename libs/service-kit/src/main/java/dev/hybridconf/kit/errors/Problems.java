package dev.hybridconf.kit.errors;

import java.net.URI;

/** The stable problem type URIs of the platform. */
public final class Problems {

    private static final String BASE = "https://hybridconf.dev/problems/";

    public static final URI VALIDATION = type("validation");
    public static final URI MALFORMED_BODY = type("malformed-body");
    public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
    public static final URI UNAUTHENTICATED = type("unauthenticated");
    public static final URI FORBIDDEN = type("forbidden");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI INTERNAL = type("internal");

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }
}
