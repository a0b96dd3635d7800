package dev.hybridconf.session.participants;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;

/** Organisers' read of what the session service has learned about participants. */
@RestController
@RequestMapping("/api/sessions/participants")
@PreAuthorize("hasRole('organiser')")
class ParticipantController {

    private final ParticipantDirectory directory;

    ParticipantController(ParticipantDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/summary")
    ParticipantSummary summary() {
        return directory.summary();
    }

    @GetMapping("/{registrationId}")
    ParticipantView participant(@PathVariable UUID registrationId) {
        return directory.find(registrationId.toString())
                .orElseThrow(() -> new NotFoundException("participant.not-found", registrationId));
    }
}
