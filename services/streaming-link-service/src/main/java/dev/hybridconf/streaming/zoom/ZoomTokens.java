package dev.hybridconf.streaming.zoom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.KeySpace;
import redis.clients.jedis.UnifiedJedis;

/**
 * The account's access token, shared by every replica through Redis: read from the cache while it
 * is fresh, fetched again {@code refresh-before} its expiry by one replica at a time (the kit's lease
 * {@code zoom-token:<account>}, lasting {@code lock-ttl}, released once the token is stored); the others keep using
 * the still-valid token, or, if it has expired or Zoom refused it, poll the cache for the new one until a deadline.
 * No fence is needed: any token Zoom issued is valid, so a late writer stores a good one too.
 */
final class ZoomTokens {

    private static final Logger log = LoggerFactory.getLogger(ZoomTokens.class);

    private final UnifiedJedis redis;
    private final String tokenKey;
    private final Leases leases;
    private final String leaseName;
    private final ZoomProperties.Token settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Supplier<FetchedToken> fetcher;

    /** What the token endpoint answered. */
    record FetchedToken(String accessToken, String apiUrl, long expiresInSeconds) {
    }

    ZoomTokens(UnifiedJedis redis, KeySpace keys, ZoomProperties properties, Clock clock, Sleeper sleeper,
            Supplier<FetchedToken> fetcher) {
        this.redis = redis;
        String account = fingerprint(properties.accountId() + ":" + properties.clientId() + ":" + properties.oauthUrl());
        this.tokenKey = keys.key("zoom", "oauth", account);
        this.leases = new Leases(redis, keys, "zoom-client-" + UUID.randomUUID());
        this.leaseName = "zoom-token:" + account;
        this.settings = properties.token();
        this.clock = clock;
        this.sleeper = sleeper;
        this.fetcher = fetcher;
    }

    /** A token to call with: the cached one while fresh, else a new one. */
    ZoomToken current() {
        ZoomToken cached = read();
        if (cached != null && cached.freshAt(clock.millis())) {
            return cached;
        }
        return refresh(cached, false);
    }

    /** Zoom answered 401 to {@code rejected}: a newer token (another replica's, or a new one). */
    ZoomToken afterRejection(ZoomToken rejected) {
        return refresh(rejected, true);
    }

    private ZoomToken refresh(ZoomToken stale, boolean rejected) {
        long deadline = clock.millis() + settings.lockWait().toMillis();
        while (true) {
            ZoomToken cached = read();
            if (cached != null && usable(cached, stale, rejected)) {
                return cached;
            }
            Optional<Lease> refreshing = leases.tryAcquire(leaseName, settings.lockTtl());
            if (refreshing.isPresent()) {
                try (Lease lease = refreshing.get()) {
                    ZoomToken again = read();
                    if (again != null && usable(again, stale, rejected)) {
                        return again;
                    }
                    return fetchAndStore();
                }
            }
            // Another replica is refreshing: the old token still works until it expires.
            if (!rejected && stale != null && stale.validAt(clock.millis())) {
                return stale;
            }
            if (clock.millis() >= deadline) {
                throw new ZoomUnavailableException(ZoomEndpoint.OAUTH_TOKEN, ZoomUnavailableException.Reason.TIMEOUT,
                        false, "another replica's token refresh did not finish within "
                                + settings.lockWait().toMillis() + " ms", null);
            }
            try {
                sleeper.sleep(settings.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZoomUnavailableException(ZoomEndpoint.OAUTH_TOKEN,
                        ZoomUnavailableException.Reason.CONNECTION, false, "interrupted while waiting for a token", e);
            }
        }
    }

    private boolean usable(ZoomToken token, ZoomToken stale, boolean rejected) {
        long now = clock.millis();
        if (rejected) {
            return token.validAt(now) && (stale == null || !token.accessToken().equals(stale.accessToken()));
        }
        return token.freshAt(now);
    }

    private ZoomToken fetchAndStore() {
        FetchedToken fetched = fetcher.get();
        long now = clock.millis();
        long lifetime = Math.max(1, fetched.expiresInSeconds()) * 1000;
        long early = Math.min(settings.refreshBefore().toMillis(), lifetime / 2);
        ZoomToken token = new ZoomToken(fetched.accessToken(), fetched.apiUrl() == null ? "" : fetched.apiUrl(),
                now + lifetime, now + lifetime - early);
        redis.hset(tokenKey, Map.of(
                "access_token", token.accessToken(),
                "api_url", token.apiUrl(),
                "expires_at", Long.toString(token.expiresAt()),
                "refresh_at", Long.toString(token.refreshAt())));
        redis.pexpire(tokenKey, lifetime);
        log.info("Fetched a Zoom access token valid for {} s (api {})", lifetime / 1000,
                token.apiUrl().isEmpty() ? "default" : token.apiUrl());
        return token;
    }

    private ZoomToken read() {
        Map<String, String> fields = redis.hgetAll(tokenKey);
        if (fields == null || !fields.containsKey("access_token") || !fields.containsKey("expires_at")) {
            return null;
        }
        long expiresAt = Long.parseLong(fields.get("expires_at"));
        return new ZoomToken(fields.get("access_token"), fields.getOrDefault("api_url", ""), expiresAt,
                Long.parseLong(fields.getOrDefault("refresh_at", Long.toString(expiresAt))));
    }

    private static String fingerprint(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
