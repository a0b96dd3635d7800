package dev.hybridconf.session.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.session.participants.ParticipantHook;

/**
 * The private addresses of personal calendar feeds. A token is 256 random bits (URL-safe Base64); only
 * its SHA-256 is stored, so a copy of Redis does not reveal anyone's feed address.
 *
 * <p>Keys: {@code calendar:token:<sha256>} (hash: {@code participantId}, {@code conferenceId} (empty for
 * every conference), {@code issuedAt}) and {@code calendar:participant:<registrationId>} (hash:
 * {@code token} = the digest of the participant's one live token). Issuing a new token revokes the
 * previous one in the same step; erasing the participant deletes both.
 */
@Service
class CalendarTokens implements ParticipantHook {

    /** What a live token opens. */
    record Feed(String participantId, String conferenceId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisStore store;
    private final KeySpace keys;

    CalendarTokens(RedisStore store) {
        this.store = store;
        this.keys = store.keys();
    }

    /** A new token for the participant's feed; the previous one stops working. */
    String issue(String participantId, String conferenceId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String digest = digest(token);
        AtomicWrite write = store.atomically();
        deleteCurrent(participantId, write);
        Map<String, String> feed = new LinkedHashMap<>();
        feed.put("participantId", participantId);
        feed.put("conferenceId", conferenceId == null ? "" : conferenceId);
        feed.put("issuedAt", Instant.now().toString());
        write.hset(tokenKey(digest), feed).hset(participantKey(participantId), Map.of("token", digest));
        write.execute();
        return token;
    }

    /** Revokes the participant's token, if any. */
    void revoke(String participantId) {
        AtomicWrite write = store.atomically();
        if (deleteCurrent(participantId, write)) {
            write.execute();
        }
    }

    Optional<Feed> feed(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        Map<String, String> hash = store.redis().hgetAll(tokenKey(digest(token)));
        if (hash == null || hash.isEmpty()) {
            return Optional.empty();
        }
        String conference = hash.getOrDefault("conferenceId", "");
        return Optional.of(new Feed(hash.get("participantId"), conference.isEmpty() ? null : conference));
    }

    @Override
    public void erasing(String registrationId, AtomicWrite write) {
        deleteCurrent(registrationId, write);
    }

    private boolean deleteCurrent(String participantId, AtomicWrite write) {
        String current = store.redis().hget(participantKey(participantId), "token");
        if (current == null) {
            return false;
        }
        write.delete(tokenKey(current)).delete(participantKey(participantId));
        return true;
    }

    private String tokenKey(String digest) {
        return keys.key("calendar", "token", digest);
    }

    private String participantKey(String participantId) {
        return keys.key("calendar", "participant", participantId);
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
