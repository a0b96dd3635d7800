package dev.hybridconf.session.participants;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.session.programme.ProgrammeStore;

/**
 * Organisers' read of what the session service has learned about participants. The summary is per
 * conference ({@code ?conference=}, required): a registration for one conference never counts in another's.
 */
@RestController
@RequestMapping("/api/sessions/participants")
@PreAuthorize("hasRole('organiser')")
class ParticipantController {

    private final ParticipantDirectory directory;
    private final ProgrammeStore programme;

    ParticipantController(ParticipantDirectory directory, ProgrammeStore programme) {
        this.directory = directory;
        this.programme = programme;
    }

    @GetMapping("/summary")
    ParticipantSummary summary(@RequestParam(required = false) String conference) {
        if (conference == null || conference.isBlank()) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("conference",
                    "programme.field.required")));
        }
        String id = conference.strip();
        if (programme.conference(id).isEmpty()) {
            throw new NotFoundException("conference.not-found", id);
        }
        return directory.summary(id);
    }

    @GetMapping("/{registrationId}")
    ParticipantView participant(@PathVariable UUID registrationId) {
        return directory.find(registrationId.toString())
                .orElseThrow(() -> new NotFoundException("participant.not-found", registrationId));
    }
}
