package dev.hybridconf.registration.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.SharedInfrastructure;
import redis.clients.jedis.RedisClient;

/**
 * Signing keys shared by several replicas through a real Redis: rotation on one replica is what every
 * replica signs with next; a retired key stays published exactly as long as its tokens can be valid.
 * Each test has a key space of its own; replicas are separate {@link SigningKeys} instances on it.
 */
class SigningKeysTests {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final RedisClient redis = RedisClient.create(SharedInfrastructure.get().redisHost(),
            SharedInfrastructure.get().redisPort());
    private final KeySpace keys = new KeySpace("signing-keys-tests-" + UUID.randomUUID(), "registration");
    private final RedisStore store = new RedisStore(redis, keys, new EventCodec(), "registration-service", null);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final IdentityProperties identity = new IdentityProperties(false, LIFETIME, null, null);

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void aRotationOnOneReplicaIsWhatEveryReplicaSignsWithNext() throws Exception {
        SigningKeys first = replica();
        SigningKeys second = replica();
        TokenIssuer secondIssuer = issuer(second);
        String before = kid(secondIssuer.issue("organiser-1", List.of("organiser"), "en"));

        String rotated = first.rotate().keyId();

        String token = secondIssuer.issue("organiser-1", List.of("organiser"), "en");
        assertThat(rotated).isNotEqualTo(before);
        assertThat(kid(token)).isEqualTo(rotated);
        assertThat(second.current().getKeyID()).isEqualTo(rotated);
        Jwt decoded = NimbusJwtDecoder.withJwkSource(first.verificationKeys()).build().decode(token);
        assertThat(decoded.getSubject()).as("the other replica verifies it at once").isEqualTo("organiser-1");
    }

    @Test
    void aRetiredKeyStaysPublishedUntilItsLastTokenHasExpiredThenDropsOutWithItsPrivateHalf() {
        SigningKeys signing = replica();
        String retired = signing.current().getKeyID();

        SigningKeys.Rotation rotation = signing.rotate();

        SigningKeys.Snapshot after = rotation.after();
        assertThat(rotation.previousKeyId()).isEqualTo(retired);
        assertThat(after.published()).extracting(SigningKeys.PublishedKey::keyId)
                .containsExactly(after.currentKeyId(), retired);
        Instant until = after.published().get(1).publishedUntil();
        assertThat(until).isEqualTo(clock.instant().plus(LIFETIME).plus(SigningKeys.CLOCK_SKEW));
        clock.set(until.minusSeconds(1));
        assertThat(kids(signing.publicKeys().getKeys())).containsExactly(after.currentKeyId(), retired);

        clock.set(until.plusMillis(1));

        assertThat(kids(signing.publicKeys().getKeys())).containsExactly(after.currentKeyId());
        assertThat(redis.hexists(keys.key("identity", "signing-keys"), retired)).isFalse();
    }

    @Test
    void onlyPublicHalvesArePublished() {
        SigningKeys signing = replica();
        signing.rotate();

        List<JWK> published = signing.publicKeys().getKeys();

        assertThat(published).hasSize(2).allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.toJSONObject()).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        });
    }

    @Test
    void concurrentRotationsLeaveOneCurrentKeyAndEveryOtherKeyPublished() throws Exception {
        String original = replica().current().getKeyID();
        List<SigningKeys> replicas = List.of(replica(), replica(), replica(), replica());
        List<Callable<String>> rotations = new ArrayList<>();
        for (SigningKeys replica : replicas) {
            rotations.add(() -> replica.rotate().keyId());
            rotations.add(() -> replica.rotate().keyId());
        }
        List<String> made = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<String> result : pool.invokeAll(rotations)) {
                made.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        SigningKeys.Snapshot now = replicas.get(0).published();
        assertThat(now.published()).hasSize(9).filteredOn(SigningKeys.PublishedKey::current).hasSize(1);
        assertThat(now.published()).filteredOn(key -> !key.current())
                .allSatisfy(key -> assertThat(key.publishedUntil()).isNotNull());
        assertThat(kids(now.publicKeys().getKeys())).contains(original);
        assertThat(replicas).allSatisfy(replica -> assertThat(replica.current().getKeyID())
                .isEqualTo(now.currentKeyId()));
        assertThat(made).doesNotHaveDuplicates();
        assertThat(now.published()).extracting(SigningKeys.PublishedKey::keyId).contains(made.toArray(String[]::new));
    }

    @Test
    void rotationsStopAtTheLimitUntilTheOldestRetiredKeyHasExpired() {
        SigningKeys signing = replica();
        Instant firstRetirement = clock.instant().plus(LIFETIME).plus(SigningKeys.CLOCK_SKEW);
        for (int i = 1; i < SigningKeys.MAX_PUBLISHED; i++) {
            signing.rotate();
            clock.set(clock.instant().plusSeconds(60));
        }
        String current = signing.current().getKeyID();

        assertThatThrownBy(signing::rotate).isInstanceOf(SigningKeyLimitException.class)
                .hasMessageContaining(firstRetirement.toString());
        assertThat(signing.current().getKeyID()).isEqualTo(current);

        clock.set(firstRetirement.plusSeconds(1));
        assertThat(signing.rotate().after().published()).hasSize(SigningKeys.MAX_PUBLISHED);
    }

    @Test
    void theKeyOfAnEarlierVersionStaysCurrentSoItsTokensStayValid() {
        RSAKey legacy = SigningKeys.generate();
        redis.set(keys.key("identity", "signing-key"), legacy.toJSONString());

        SigningKeys signing = replica();

        assertThat(signing.current().getKeyID()).isEqualTo(legacy.getKeyID());
        assertThat(kids(signing.publicKeys().getKeys())).containsExactly(legacy.getKeyID());
        assertThat(redis.exists(keys.key("identity", "signing-key"))).as("moved, not copied").isFalse();
    }

    private SigningKeys replica() {
        return new SigningKeys(store, identity, clock);
    }

    private TokenIssuer issuer(SigningKeys signing) {
        PlatformProperties platform = new PlatformProperties("registration-service", "registration", null, null,
                null, null, null, new PlatformProperties.Security(null, "http://localhost:8081", null, null), null);
        return new TokenIssuer(signing, platform, identity, Clock.systemUTC());
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private static List<String> kids(List<JWK> published) {
        return published.stream().map(JWK::getKeyID).toList();
    }

    /** A clock the test moves forward, standing in for hours passing. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
