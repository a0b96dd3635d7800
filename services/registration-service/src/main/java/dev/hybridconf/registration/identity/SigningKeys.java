package dev.hybridconf.registration.identity;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.UnifiedJedis;

/**
 * The RSA keys that sign participant tokens, shared by every replica through Redis.
 *
 * <p>One key is <em>current</em>: every token is signed with it and carries its {@code kid}. A
 * rotation makes a freshly generated key current; the previous one is <em>retired</em> but stays
 * published until every token it signed has expired (token lifetime plus the validators' clock skew),
 * then it is dropped, private half included. Replicas read the current key id from Redis on every
 * issue (one {@code GET}), so all sign with the same key as soon as a rotation is written. Creating
 * the first key, rotating and pruning are each one Lua script, so replicas starting or organisers
 * rotating at the same moment leave one current key and every other key either retiring or gone.
 *
 * <p>Redis: {@code identity:signing-keys} (hash: kid → private JWK), {@code identity:current-signing-key}
 * (the current kid), {@code identity:retiring-signing-keys} (sorted set: kid → epoch millis when it
 * drops out). A key stored by an earlier version under {@code identity:signing-key} becomes the
 * current one, so tokens signed before the upgrade stay valid.
 */
@Component
public class SigningKeys {

    /** At most this many keys are published at once; a rotation beyond it must wait for the oldest to expire. */
    static final int MAX_PUBLISHED = 10;

    /** What Spring Security's expiry check tolerates (its default): a retired key stays this much longer. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** How long the issuer's own verifier trusts its copy of the published keys before reading them again. */
    private static final Duration VERIFICATION_CACHE = Duration.ofSeconds(30);

    private static final String INIT = """
            local current = redis.call('GET', KEYS[2])
            if current then return current end
            local legacy = redis.call('GET', KEYS[3])
            if legacy then
              local kid = cjson.decode(legacy)['kid']
              redis.call('HSET', KEYS[1], kid, legacy)
              redis.call('SET', KEYS[2], kid)
              redis.call('DEL', KEYS[3])
              return kid
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SET', KEYS[2], ARGV[1])
            return ARGV[1]
            """;

    /** Drops retired keys whose time has come: KEYS = hash, retiring; ARGV[1] = now (epoch millis). */
    private static final String PRUNE = """
            local function prune(hash, retiring, now)
              local expired = redis.call('ZRANGEBYSCORE', retiring, '-inf', now)
              for _, kid in ipairs(expired) do
                redis.call('HDEL', hash, kid)
                redis.call('ZREM', retiring, kid)
              end
            end
            """;

    /** Returns {current kid, then per key: kid, private JWK, drop time or ''}. */
    private static final String PUBLISHED = PRUNE + """
            prune(KEYS[1], KEYS[3], ARGV[1])
            local out = { redis.call('GET', KEYS[2]) or '' }
            local retiring = redis.call('ZRANGE', KEYS[3], 0, -1, 'WITHSCORES')
            local drops = {}
            for i = 1, #retiring, 2 do drops[retiring[i]] = retiring[i + 1] end
            local all = redis.call('HGETALL', KEYS[1])
            for i = 1, #all, 2 do
              table.insert(out, all[i])
              table.insert(out, all[i + 1])
              table.insert(out, drops[all[i]] or '')
            end
            return out
            """;

    /**
     * KEYS = hash, current, retiring; ARGV = new kid, new private JWK, now, drop time of the key it
     * retires, limit. Returns {'OK', previous kid or ''} or {'FULL', earliest drop time}.
     */
    private static final String ROTATE = PRUNE + """
            prune(KEYS[1], KEYS[3], ARGV[3])
            if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[5]) then
              local oldest = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
              return { 'FULL', oldest[2] or '' }
            end
            local previous = redis.call('GET', KEYS[2])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SET', KEYS[2], ARGV[1])
            if previous and previous ~= ARGV[1] then
              redis.call('ZADD', KEYS[3], ARGV[4], previous)
            end
            return { 'OK', previous or '' }
            """;

    /** One published key: the current one has no end. */
    public record PublishedKey(String keyId, boolean current, Instant publishedUntil) {
    }

    /** The published keys at one moment, the current one first. */
    record Snapshot(String currentKeyId, List<RSAKey> keys, List<PublishedKey> published) {

        JWKSet publicKeys() {
            return new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
        }
    }

    /**
     * What one rotation did: {@code keyId} became current, {@code previousKeyId} (null on a store
     * with no key) was retired; {@code after} is what is published once it is done (another rotation
     * may already have followed).
     */
    record Rotation(String keyId, String previousKeyId, Snapshot after) {
    }

    private record Cached(JWKSet publicKeys, Instant readAt) {
    }

    private final UnifiedJedis redis;
    private final String hashKey;
    private final String currentKey;
    private final String retiringKey;
    private final Duration retiredFor;
    private final Clock clock;
    /** Parsed keys by kid; a kid's key never changes, so entries never go stale (only unused). */
    private final Map<String, RSAKey> parsed = new ConcurrentHashMap<>();
    private volatile Cached verification;

    SigningKeys(RedisStore store, IdentityProperties identity, Clock clock) {
        this.redis = store.redis();
        this.hashKey = store.keys().key("identity", "signing-keys");
        this.currentKey = store.keys().key("identity", "current-signing-key");
        this.retiringKey = store.keys().key("identity", "retiring-signing-keys");
        this.retiredFor = identity.tokenLifetime().plus(CLOCK_SKEW);
        this.clock = clock;
        if (redis.get(currentKey) == null) {
            // Only the very first start generates a key; the script keeps one if several replicas race here.
            RSAKey generated = generate();
            redis.eval(INIT, List.of(hashKey, currentKey, store.keys().key("identity", "signing-key")),
                    List.of(generated.getKeyID(), generated.toJSONString()));
        }
        current();
    }

    /** The key every token is signed with now, as Redis says (one {@code GET} per call). */
    RSAKey current() {
        String kid = redis.get(currentKey);
        if (kid == null) {
            throw new IllegalStateException("No current signing key in Redis at " + currentKey);
        }
        return parsed.computeIfAbsent(kid, id -> {
            String json = redis.hget(hashKey, id);
            if (json == null) {
                throw new IllegalStateException("The current signing key " + id + " is missing from " + hashKey);
            }
            return parse(json);
        });
    }

    /** The public halves of every published key, as served at the JWKS endpoint. */
    public JWKSet publicKeys() {
        return published().publicKeys();
    }

    /** Every published key, pruning the ones whose tokens have all expired. */
    Snapshot published() {
        List<?> reply = (List<?>) redis.eval(PUBLISHED, List.of(hashKey, currentKey, retiringKey),
                List.of(Long.toString(clock.millis())));
        String current = String.valueOf(reply.get(0));
        List<RSAKey> keys = new ArrayList<>();
        List<PublishedKey> published = new ArrayList<>();
        for (int i = 1; i + 2 < reply.size(); i += 3) {
            String kid = String.valueOf(reply.get(i));
            String json = String.valueOf(reply.get(i + 1));
            String drop = String.valueOf(reply.get(i + 2));
            keys.add(parsed.computeIfAbsent(kid, id -> parse(json)));
            published.add(new PublishedKey(kid, kid.equals(current),
                    drop.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(drop))));
        }
        // Current first, then the retired ones, most recently retired first.
        Comparator<PublishedKey> order = Comparator.comparing((PublishedKey key) -> !key.current())
                .thenComparing(PublishedKey::publishedUntil, Comparator.nullsFirst(Comparator.reverseOrder()));
        published.sort(order);
        keys.sort(Comparator.comparingInt(key -> indexOf(published, key.getKeyID())));
        return new Snapshot(current, List.copyOf(keys), List.copyOf(published));
    }

    /**
     * Makes a fresh key current. The previous current key stays published until the tokens it signed
     * have expired.
     *
     * @throws SigningKeyLimitException when {@value #MAX_PUBLISHED} keys are already published
     */
    Rotation rotate() {
        RSAKey fresh = generate();
        Instant now = clock.instant();
        List<?> reply = (List<?>) redis.eval(ROTATE, List.of(hashKey, currentKey, retiringKey),
                List.of(fresh.getKeyID(), fresh.toJSONString(), Long.toString(now.toEpochMilli()),
                        Long.toString(now.plus(retiredFor).toEpochMilli()), Integer.toString(MAX_PUBLISHED)));
        if ("FULL".equals(String.valueOf(reply.get(0)))) {
            String oldest = String.valueOf(reply.get(1));
            throw new SigningKeyLimitException(MAX_PUBLISHED,
                    oldest.isEmpty() ? now.plus(retiredFor) : Instant.ofEpochMilli(Long.parseLong(oldest)));
        }
        parsed.put(fresh.getKeyID(), fresh);
        verification = null;
        String previous = String.valueOf(reply.get(1));
        return new Rotation(fresh.getKeyID(), previous.isEmpty() ? null : previous, published());
    }

    /**
     * The keys this service verifies its own tokens with: the published ones, read again after
     * {@code VERIFICATION_CACHE} or as soon as a token names a key id not in the copy (another
     * replica may just have rotated).
     */
    JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> {
            List<JWK> found = selector.select(verificationSet(false));
            return found.isEmpty() ? selector.select(verificationSet(true)) : found;
        };
    }

    private JWKSet verificationSet(boolean reload) {
        Cached cached = verification;
        Instant now = clock.instant();
        if (reload || cached == null || cached.readAt().plus(VERIFICATION_CACHE).isBefore(now)) {
            cached = new Cached(publicKeys(), now);
            verification = cached;
        }
        return cached.publicKeys();
    }

    private static int indexOf(List<PublishedKey> published, String kid) {
        for (int i = 0; i < published.size(); i++) {
            if (published.get(i).keyId().equals(kid)) {
                return i;
            }
        }
        return published.size();
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key is unreadable", e);
        }
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA signing key", e);
        }
    }
}
