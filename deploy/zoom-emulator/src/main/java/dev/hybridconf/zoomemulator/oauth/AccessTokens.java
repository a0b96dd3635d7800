package dev.hybridconf.zoomemulator.oauth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.hybridconf.zoomemulator.EmulatorClock;

/**
 * The access tokens handed out and when each stops working. Like Zoom, several tokens may be valid at once (each
 * request for a token makes a new one) and there is no refresh token: a client asks again when its token has expired.
 */
@Component
public class AccessTokens {

    /** What a presented token is worth. */
    public enum Check {
        VALID, EXPIRED, UNKNOWN
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final EmulatorClock clock;

    public AccessTokens(EmulatorClock clock) {
        this.clock = clock;
    }

    /** A new token valid for {@code lifetime} from now. */
    public String issue(Duration lifetime) {
        Instant now = clock.now();
        expiries.values().removeIf(expiry -> expiry.isBefore(now.minus(Duration.ofDays(1))));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "zoom-emulator." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, now.plus(lifetime));
        return token;
    }

    public Check check(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        if (expiry == null) {
            return Check.UNKNOWN;
        }
        return clock.now().isBefore(expiry) ? Check.VALID : Check.EXPIRED;
    }

    /** Every token stops working at once (as when the app's secret is rotated or the app deactivated). */
    public void revokeAll() {
        expiries.clear();
    }

    public int count() {
        return expiries.size();
    }
}
