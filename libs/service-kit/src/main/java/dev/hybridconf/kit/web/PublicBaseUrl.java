package dev.hybridconf.kit.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people and clients reach the platform at: the gateway, from configuration
 * ({@code platform.public-base-url}, {@code PUBLIC_BASE_URL}; {@code http://localhost:8080} in local runs).
 * Every address a service hands out (schedule exports, calendar feed addresses,
 * {@code Location} headers) is built from it, never from the request: behind the gateway the request
 * names the service's own port, and its {@code Host} and {@code X-Forwarded-*} headers are whatever the
 * client sent (the gateway passes them on), so building from them would let anyone put their own host
 * into a document another person receives.
 *
 * <p>Checked at start-up: an absolute {@code http} or {@code https} address with a host, and no user
 * information, query or fragment. A path (a prefix the gateway is published under) is kept; trailing
 * slashes are not.
 */
@Component
public class PublicBaseUrl {

    private final String base;

    public PublicBaseUrl(@Value("${platform.public-base-url:http://localhost:8080}") String configured) {
        this.base = check("platform.public-base-url", configured);
    }

    /** The base without a trailing slash, e.g. {@code https://conference.example.org/hybridconf}. */
    public String base() {
        return base;
    }

    /** The public address of a path of the platform, e.g. {@code /api/sessions/{id}}. */
    public String resolve(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        return base + path;
    }

    /** The same as {@link #resolve}, as a URI. */
    public URI uri(String path) {
        return URI.create(resolve(path));
    }

    /**
     * An absolute http(s) address from configuration, without trailing slashes.
     *
     * @throws IllegalStateException naming {@code setting} when it is not one
     */
    public static String check(String setting, String configured) {
        String value = configured == null ? "" : configured.trim();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(setting, configured, "it is not an address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.isOpaque()) {
            throw invalid(setting, configured, "it must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(setting, configured, "it has no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(setting, configured, "it must not carry user information, a query or a fragment");
        }
        return value.replaceAll("/+$", "");
    }

    private static IllegalStateException invalid(String setting, String configured, String why) {
        return new IllegalStateException(setting + " must be the absolute http(s) address people reach the platform"
                + " at, such as https://conference.example.org; '" + configured + "' is not: " + why);
    }
}
