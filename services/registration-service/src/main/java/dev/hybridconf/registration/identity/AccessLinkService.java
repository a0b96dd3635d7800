package dev.hybridconf.registration.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.params.SetParams;

/**
 * Issues and redeems access links. Only a hash of each code is stored, so a copy of the database
 * holds nothing usable; a code is removed when redeemed ({@code GETDEL}), so it works once, and
 * expires on its own after {@code platform.identity.access-link-lifetime}.
 */
@Service
class AccessLinkService implements AccessLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisStore store;
    private final IdentityProperties identity;

    AccessLinkService(RedisStore store, IdentityProperties identity) {
        this.store = store;
        this.identity = identity;
    }

    @Override
    public URI issue(String registrationId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.redis().set(codeKey(code), registrationId,
                SetParams.setParams().ex(identity.accessLinkLifetime().toSeconds()));
        return URI.create(identity.portalUrl().replaceAll("/+$", "") + "/?access=" + code);
    }

    /** The registration the code was issued for, if the code is valid; the code is spent either way. */
    Optional<String> redeem(String code) {
        if (code == null || code.isBlank() || code.length() > 128) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.redis().getDel(codeKey(code)));
    }

    private String codeKey(String code) {
        return store.keys().key("access-code", sha256(code));
    }

    private static String sha256(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
