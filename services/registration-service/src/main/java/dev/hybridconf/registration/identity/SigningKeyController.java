package dev.hybridconf.registration.identity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.registration.identity.SigningKeys.PublishedKey;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Organisers rotate the local issuer's signing key (after a suspected leak, or on a schedule) and see
 * which keys are published. The gateway and the services pick the new key up from the JWKS without a
 * restart: their decoders fetch the key set again when a token names a key id they do not know.
 */
@RestController
@RequestMapping("/api/registrations/signing-keys")
@PreAuthorize("hasRole('organiser')")
class SigningKeyController {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyController.class);

    /** The published keys (public information: ids and dates only), the current one first. */
    record SigningKeysView(String currentKeyId, List<PublishedKey> keys) {
    }

    /** The key this rotation made current, the one it retired, and what is published now. */
    record RotationView(String keyId, String previousKeyId, List<PublishedKey> keys) {
    }

    private final SigningKeys keys;
    private final MeterRegistry meters;

    SigningKeyController(SigningKeys keys, MeterRegistry meters) {
        this.keys = keys;
        this.meters = meters;
    }

    @GetMapping
    SigningKeysView published() {
        return view(keys.published());
    }

    /** Makes a fresh key current; the previous ones stay published until the tokens they signed have expired. */
    @PostMapping("/rotation")
    RotationView rotate(@AuthenticationPrincipal Jwt caller) {
        SigningKeys.Rotation rotation = keys.rotate();
        meters.counter("identity.signing-key.rotations").increment();
        log.info("Signing key rotated by {}: {} is now current, {} retired, {} key(s) published",
                caller.getSubject(), rotation.keyId(), rotation.previousKeyId(), rotation.after().published().size());
        return new RotationView(rotation.keyId(), rotation.previousKeyId(), rotation.after().published());
    }

    private static SigningKeysView view(SigningKeys.Snapshot snapshot) {
        return new SigningKeysView(snapshot.currentKeyId(), snapshot.published());
    }
}
