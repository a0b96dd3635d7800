package dev.hybridconf.registration.identity;

import java.text.ParseException;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.params.SetParams;

/**
 * The RSA key that signs participant tokens. The first replica to start generates it and stores it
 * with {@code SET NX}; every other replica, and every restart, reads the same key back.
 */
@Component
public class SigningKeys {

    private final RSAKey key;

    SigningKeys(RedisStore store) {
        String redisKey = store.keys().key("identity", "signing-key");
        if (store.redis().get(redisKey) == null) {
            // Only the first start generates; SET NX keeps one key if several replicas race here.
            store.redis().set(redisKey, generate().toJSONString(), SetParams.setParams().nx());
        }
        try {
            this.key = RSAKey.parse(store.redis().get(redisKey));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored signing key is unreadable: " + redisKey, e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA signing key", e);
        }
    }

    RSAKey signingKey() {
        return key;
    }

    /** The public half, as published at the JWKS endpoint. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
