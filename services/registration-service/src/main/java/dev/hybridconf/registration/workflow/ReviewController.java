package dev.hybridconf.registration.workflow;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Organisers review registrations: approve (within capacity), waitlist, reject, cancel. */
@RestController
@RequestMapping("/api/registrations")
@PreAuthorize("hasRole('organiser')")
class ReviewController {

    private final Registrations registrations;

    ReviewController(Registrations registrations) {
        this.registrations = registrations;
    }

    @PostMapping("/{id}/approve")
    RegistrationView approve(@PathVariable UUID id) {
        return registrations.review(id.toString(), Registration::approve).view();
    }

    @PostMapping("/{id}/waitlist")
    RegistrationView waitlist(@PathVariable UUID id) {
        return registrations.review(id.toString(), Registration::waitlist).view();
    }

    @PostMapping("/{id}/reject")
    RegistrationView reject(@PathVariable UUID id) {
        return registrations.review(id.toString(), Registration::reject).view();
    }

    @PostMapping("/{id}/cancel")
    RegistrationView cancel(@PathVariable UUID id) {
        return registrations.review(id.toString(), Registration::cancel).view();
    }

    @GetMapping("/capacity")
    CapacityView capacity() {
        return registrations.capacity();
    }
}
