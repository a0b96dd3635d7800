package dev.hybridconf.zoomemulator;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where callers reach the emulator: the base of the join, start and registration links it hands out, and the
 * {@code api_url} its token endpoint names. Configured, or else taken from the request being answered.
 */
@Component
public class PublicUrls {

    private final EmulatorProperties properties;

    public PublicUrls(EmulatorProperties properties) {
        this.properties = properties;
    }

    /** The base of links, without a trailing slash. */
    public String base(HttpServletRequest request) {
        if (!properties.publicUrl().isEmpty()) {
            return properties.publicUrl();
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath(null).replaceQuery(null).build()
                .toUriString();
    }

    /** The {@code api_url} of a token answer: where the {@code /v2} API is, without {@code /v2}. */
    public String apiUrl(HttpServletRequest request) {
        return properties.apiUrl().isEmpty() ? base(request) : properties.apiUrl();
    }
}
