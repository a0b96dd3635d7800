package dev.hybridconf.interpretation.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;

/**
 * The private addresses of interpreters' schedule feeds, as the session service makes personal agenda feeds: a token
 * is 256 random bits (URL-safe Base64) and only its SHA-256 is stored, so a copy of Redis reveals no feed address.
 * One live token per interpreter and conference; issuing a new one revokes the previous in the same step.
 *
 * <p>Keys: {@code plan:calendar:token:<sha256>} (hash: {@code conferenceId}, {@code interpreterId},
 * {@code registrationId}, {@code issuedAt}) and {@code plan:calendar:interpreter:<conference>:<interpreter>} (hash:
 * {@code token} = the digest). The feed opens only while the roster entry still belongs to the registration that
 * asked for it.
 */
@Component
class CalendarTokens {

    /** What a live token opens. */
    record Feed(String conferenceId, String interpreterId, String registrationId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisStore store;
    private final PlanKeys keys;
    private final Clock clock;

    CalendarTokens(PlanStore plans, Clock clock) {
        this.store = plans.redis();
        this.keys = plans.keys();
        this.clock = clock;
    }

    String issue(String conferenceId, String interpreterId, String registrationId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String digest = digest(token);
        AtomicWrite write = store.atomically();
        deleteCurrent(conferenceId, interpreterId, write);
        Map<String, String> feed = new LinkedHashMap<>();
        feed.put("conferenceId", conferenceId);
        feed.put("interpreterId", interpreterId);
        feed.put("registrationId", registrationId);
        feed.put("issuedAt", clock.instant().toString());
        write.hset(keys.calendarToken(digest), feed)
                .hset(keys.calendarOwner(conferenceId, interpreterId), Map.of("token", digest));
        write.execute();
        return token;
    }

    /** Revokes the interpreter's token; false when they had none. */
    boolean revoke(String conferenceId, String interpreterId) {
        AtomicWrite write = store.atomically();
        if (!deleteCurrent(conferenceId, interpreterId, write)) {
            return false;
        }
        write.execute();
        return true;
    }

    Optional<Feed> feed(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        Map<String, String> hash = store.redis().hgetAll(keys.calendarToken(digest(token)));
        if (hash == null || hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Feed(hash.get("conferenceId"), hash.get("interpreterId"), hash.get("registrationId")));
    }

    private boolean deleteCurrent(String conferenceId, String interpreterId, AtomicWrite write) {
        String owner = keys.calendarOwner(conferenceId, interpreterId);
        String current = store.redis().hget(owner, "token");
        if (current == null) {
            return false;
        }
        write.requireField(owner, "token", current, () -> new dev.hybridconf.kit.errors.ConflictException(
                "plan-changed", "plan.changed-concurrently"));
        write.delete(keys.calendarToken(current)).delete(owner);
        return true;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
