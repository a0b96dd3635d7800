package dev.hybridconf.registration.identity;

import java.time.Instant;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.registration.workflow.RegistrationLookup;
import dev.hybridconf.registration.workflow.RegistrationView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The portal exchanges an access link's code for a signed token of the participant. The token's subject is
 * the registration id; the answer also names the registration's conference, so the portal knows which of a
 * person's registrations (one per conference) the token is for.
 */
@RestController
class AccessTokenController {

    record Exchange(@NotBlank @Size(max = 128) String code) {
    }

    record AccessToken(String token, String tokenType, Instant expiresAt, String registrationId, String conferenceId) {
    }

    private final AccessLinkService links;
    private final TokenIssuer tokens;
    private final RegistrationLookup registrations;

    AccessTokenController(AccessLinkService links, TokenIssuer tokens, RegistrationLookup registrations) {
        this.links = links;
        this.tokens = tokens;
        this.registrations = registrations;
    }

    @PostMapping("/api/registrations/access-tokens")
    AccessToken exchange(@Valid @RequestBody Exchange exchange) {
        String registrationId = links.redeem(exchange.code()).orElseThrow(AccessLinkInvalidException::new);
        RegistrationView registration = registrations.find(registrationId)
                .filter(found -> "APPROVED".equals(found.status()) || "OFFERED".equals(found.status()))
                .orElseThrow(AccessLinkInvalidException::new);
        TokenIssuer.Issued issued = tokens.issueWithExpiry(registrationId, registration.roles(),
                registration.preferredLanguage());
        return new AccessToken(issued.token(), "Bearer", issued.expiresAt(), registrationId,
                registration.conferenceId());
    }
}
