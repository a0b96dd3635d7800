package dev.hybridconf.session.export;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.web.PublicBaseUrl;

/**
 * Where exported sessions and feeds point. Every address is public: the participant portal
 * ({@code PORTAL_URL}, {@code platform.session.portal-url}) when configured, else the platform's public
 * base URL ({@link PublicBaseUrl}); never the address the request reached this service on.
 */
@Component
class ExportLinks {

    private final PublicBaseUrl publicBase;
    private final String portalUrl;

    ExportLinks(PublicBaseUrl publicBase, @Value("${platform.session.portal-url:}") String portalUrl) {
        this.publicBase = publicBase;
        this.portalUrl = portalUrl == null || portalUrl.isBlank() ? ""
                : PublicBaseUrl.check("platform.session.portal-url", portalUrl);
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

    /** The public address of a path of the platform, e.g. {@code /api/sessions/calendars/<token>.ics}. */
    String api(String path) {
        return publicBase.resolve(path);
    }

    /** A link for the session: the portal's page, else its public API address. */
    String session(String sessionId) {
        return hasPortal() ? portalSession(sessionId).toString() : api("/api/sessions/" + sessionId);
    }

    /** The base URL of the schedule: the portal, else the platform's public base URL. */
    String base() {
        return hasPortal() ? portal().toString() : publicBase.base() + "/";
    }
}
