package dev.hybridconf.registration.identity;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo tokens, one per role, for the local stack's start-up banner. Exists only when
 * {@code platform.identity.demo-sign-in} is true (the launcher sets it); never routed by the gateway,
 * and answered only to callers on this machine ({@link DemoCallersFilter}).
 */
@RestController
@ConditionalOnProperty(name = "platform.identity.demo-sign-in", havingValue = "true")
class DemoSignInController {

    static final List<String> ROLES = List.of("participant", "moderator", "rapporteur", "streaming-staff",
            "interpreter", "organiser");

    record DemoToken(String role, String subject, String token) {
    }

    record DemoSignIn(List<DemoToken> tokens) {
    }

    private final TokenIssuer issuer;

    DemoSignInController(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping("/internal/demo-sign-in")
    DemoSignIn demoSignIn() {
        return new DemoSignIn(ROLES.stream()
                .map(role -> new DemoToken(role, "demo-" + role, issuer.issue("demo-" + role, List.of(role), "en")))
                .toList());
    }
}
