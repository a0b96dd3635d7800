package dev.hybridconf.registration.identity;

import java.time.Instant;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** A rotation would publish more keys than allowed; the oldest retired key drops out at {@code retryAfter}. */
class SigningKeyLimitException extends ProblemException {

    SigningKeyLimitException(int limit, Instant retryAfter) {
        super(HttpStatus.CONFLICT, "signing-keys-limit", "identity.signing-keys-limit", limit, retryAfter.toString());
    }
}
