package dev.hybridconf.registration.workflow;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
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

    /** Organisers only, until participant identity lands (issue 3) and owners can read their own. */
    @GetMapping("/{id}")
    @PreAuthorize("hasRole('organiser')")
    RegistrationView get(@PathVariable UUID id) {
        return registrations.find(id.toString()).map(Registration::view)
                .orElseThrow(() -> new NotFoundException("registration.not-found", id));
    }
}
