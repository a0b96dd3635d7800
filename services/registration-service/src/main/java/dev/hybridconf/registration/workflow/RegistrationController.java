package dev.hybridconf.registration.workflow;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.security.SecurityConfiguration;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    @PostMapping
    ResponseEntity<RegistrationView> submit(@Valid @RequestBody SubmitRegistrationRequest form) {
        Registration registration = registrations.submit(form);
        return ResponseEntity.created(URI.create("/api/registrations/" + registration.id()))
                .body(registration.view());
    }

    /**
     * Organisers read any registration; a participant only their own. Someone else's answers 404,
     * exactly like one that does not exist, so ids reveal nothing.
     */
    @GetMapping("/{id}")
    RegistrationView get(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
        List<String> roles = caller.getClaimAsStringList(SecurityConfiguration.ROLES_CLAIM);
        boolean organiser = roles != null && roles.contains("organiser");
        if (!organiser && !id.toString().equals(caller.getSubject())) {
            throw new NotFoundException("registration.not-found", id);
        }
        return registrations.find(id.toString()).map(Registration::view)
                .orElseThrow(() -> new NotFoundException("registration.not-found", id));
    }

    /** A participant withdraws; a place they held is freed at once for the next person. */
    @PostMapping("/me/cancel")
    RegistrationView cancelMine(@AuthenticationPrincipal Jwt caller) {
        return registrations.review(caller.getSubject(), Registration::cancel).view();
    }

    /** The caller's own registration (the token's subject is their registration id). */
    @GetMapping("/me")
    RegistrationView mine(@AuthenticationPrincipal Jwt caller) {
        return registrations.find(caller.getSubject()).map(Registration::view)
                .orElseThrow(() -> new NotFoundException("registration.not-found", caller.getSubject()));
    }
}
