package dev.hybridconf.streaming.hosts;

import java.time.Clock;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.hybridconf.streaming.zoom.ZoomApiException;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomException;
import dev.hybridconf.streaming.zoom.ZoomNotFoundException;
import dev.hybridconf.streaming.zoom.ZoomUnauthorizedException;
import dev.hybridconf.streaming.zoom.ZoomUser;

/**
 * Registers host users: checks the id, asks Zoom that the user exists and is licensed, and takes the webinar
 * licence from Zoom's user settings when Zoom tells it (else from the request).
 */
@Service
class HostRegistration {

    private static final Logger log = LoggerFactory.getLogger(HostRegistration.class);

    /** An e-mail or a Zoom user id: no spaces, slashes or other characters that do not belong in a URL path. */
    static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._%+\\-]{1,64}(@[A-Za-z0-9.\\-]{1,190}\\.[A-Za-z]{2,63})?");

    private final HostPool pool;
    private final ZoomClient zoom;
    private final Clock clock;

    HostRegistration(HostPool pool, ZoomClient zoom, Clock clock) {
        this.pool = pool;
        this.zoom = zoom;
        this.clock = clock;
    }

    record Registered(Host host, boolean created) {
    }

    Registered register(String userId, Boolean webinarLicence, String by) {
        String id = userId == null ? "" : userId.trim();
        if (!USER_ID.matcher(id).matches()) {
            throw HostProblem.userIdInvalid();
        }
        ZoomUser user;
        try {
            user = zoom.user(id);
        } catch (ZoomNotFoundException unknown) {
            throw HostProblem.unknownAtZoom(id);
        } catch (ZoomApiException | ZoomUnauthorizedException refused) {
            log.warn("Zoom refused to describe host user {}: {}", id, refused.getMessage());
            throw HostProblem.zoomRefused(id);
        } catch (ZoomException unavailable) {
            log.warn("Zoom could not describe host user {}: {}", id, unavailable.getMessage());
            throw HostProblem.zoomUnavailable();
        }
        if (!user.licensed()) {
            throw HostProblem.notLicensed(id);
        }
        boolean webinar = user.webinarLicence() != null ? user.webinarLicence() : Boolean.TRUE.equals(webinarLicence);
        Host host = new Host(id, user.id(), webinar, clock.instant().toString(), by);
        boolean created = pool.put(host);
        log.info("Host {} {} the pool (webinar licence: {})", id, created ? "joined" : "updated in", webinar);
        return new Registered(host, created);
    }

    /** Hosts from configuration ({@code user[:webinar]}), trusted without asking Zoom (it may not be up yet). */
    int seed(String seed) {
        if (seed.isBlank() || !pool.all().isEmpty()) {
            return 0;
        }
        int added = 0;
        for (String entry : seed.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts[0].isBlank()) {
                continue;
            }
            if (!USER_ID.matcher(parts[0].trim()).matches()) {
                log.warn("Seed host '{}' is not a user id; skipped", parts[0]);
                continue;
            }
            boolean webinar = parts.length > 1 && "webinar".equalsIgnoreCase(parts[1].trim());
            pool.put(new Host(parts[0].trim(), null, webinar, clock.instant().toString(), "seed"));
            added++;
        }
        log.info("Seeded the host pool with {} hosts", added);
        return added;
    }
}
