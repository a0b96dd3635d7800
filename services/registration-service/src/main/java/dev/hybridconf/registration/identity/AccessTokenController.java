package dev.hybridconf.registration.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.redis.RedisStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The portal exchanges an access link's code for a signed token of the participant. */
@RestController
class AccessTokenController {

    record Exchange(@NotBlank @Size(max = 128) String code) {
    }

    record AccessToken(String token, String tokenType, Instant expiresAt, String registrationId) {
    }

    private final AccessLinkService links;
    private final TokenIssuer tokens;
    private final RedisStore store;

    AccessTokenController(AccessLinkService links, TokenIssuer tokens, RedisStore store) {
        this.links = links;
        this.tokens = tokens;
        this.store = store;
    }

    @PostMapping("/api/registrations/access-tokens")
    AccessToken exchange(@Valid @RequestBody Exchange exchange) {
        String registrationId = links.redeem(exchange.code()).orElseThrow(AccessLinkInvalidException::new);
        var registration = store.redis().hmget(store.keys().key("registration", registrationId),
                "status", "preferredLanguage");
        if (!"APPROVED".equals(registration.get(0))) {
            throw new AccessLinkInvalidException();
        }
        TokenIssuer.Issued issued = tokens.issueWithExpiry(registrationId, List.of("participant"), registration.get(1));
        return new AccessToken(issued.token(), "Bearer", issued.expiresAt(), registrationId);
    }
}
