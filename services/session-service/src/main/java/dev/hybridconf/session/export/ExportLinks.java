package dev.hybridconf.session.export;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where exported sessions point: the participant portal ({@code PORTAL_URL},
 * {@code platform.session.portal-url}) when configured, else the session's own API address under the
 * address the request came in on.
 */
@Component
class ExportLinks {

    private final String portalUrl;

    ExportLinks(@Value("${platform.session.portal-url:}") String portalUrl) {
        this.portalUrl = portalUrl == null ? "" : portalUrl.trim().replaceAll("/+$", "");
    }

    boolean hasPortal() {
        return !portalUrl.isEmpty();
    }

    /** The portal's address, or null when none is configured. */
    URI portal() {
        return hasPortal() ? URI.create(portalUrl + "/") : null;
    }

    /** The portal's page of the session, or null when no portal is configured. */
    URI portalSession(String sessionId) {
        return hasPortal() ? URI.create(portalUrl + "/?session=" + sessionId) : null;
    }

    /** The base of this request's address, e.g. {@code http://localhost:8082}. */
    String requestBase() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** A link for the session: the portal's page, else its API address. */
    String session(String sessionId) {
        return hasPortal() ? portalSession(sessionId).toString() : requestBase() + "/api/sessions/" + sessionId;
    }

    /** The base URL of the schedule: the portal, else this service's address. */
    String base() {
        return hasPortal() ? portal().toString() : requestBase() + "/";
    }
}
