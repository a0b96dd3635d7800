package dev.hybridconf.registration.workflow;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.security.SecurityConfiguration;
import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.kit.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Registering, and a participant's own registration: read, update, cancel, answer an offer. */
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final Registrations registrations;
    private final ProblemMessages messages;

    RegistrationController(Registrations registrations, ProblemMessages messages) {
        this.registrations = registrations;
        this.messages = messages;
    }

    @PostMapping
    ResponseEntity<RegistrationView> submit(@Valid @RequestBody SubmitRegistrationRequest form) {
        Registration registration = registrations.submit(form);
        return ResponseEntity.created(URI.create("/api/registrations/" + registration.id()))
                .body(registration.view());
    }

    /** @param conferenceId the conference asked about; absent: every conference the address registered for */
    record ReminderRequest(@NotBlank @Email @Size(max = 254) @PlainText String email,
            @Pattern(regexp = ConferenceIds.PATTERN, message = "{registration.conference.id}") String conferenceId) {
    }

    record Accepted(String detail) {
    }

    /**
     * "Send me my registration e-mail again": for someone who lost their personal link or was told
     * their address is already registered. The answer is the same whether or not the address is
     * registered, so nobody learns who is; the e-mail (in the person's language, with a fresh link
     * if they hold a place) goes only to the registered address.
     */
    @PostMapping("/reminders")
    ResponseEntity<Accepted> remind(@Valid @RequestBody ReminderRequest request, java.util.Locale locale) {
        registrations.requestReminder(request.email(), request.conferenceId());
        return ResponseEntity.accepted().body(new Accepted(messages.text("registration.reminder-accepted", locale)));
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

    /**
     * The caller's own registration (the token's subject is their registration id, and the registration names
     * its conference: a person registered for two conferences holds two registrations, two links, two tokens).
     */
    @GetMapping("/me")
    RegistrationView mine(@AuthenticationPrincipal Jwt caller) {
        return registrations.find(caller.getSubject()).map(Registration::view)
                .orElseThrow(() -> new NotFoundException("registration.not-found", caller.getSubject()));
    }

    /**
     * Changes the caller's attendance mode, languages or needs. A switch of mode keeps an approved
     * place only if the other mode has room (409 otherwise, nothing changed); each change that other
     * services plan with is an event.
     */
    @PatchMapping("/me")
    RegistrationView update(@Valid @RequestBody UpdateRegistrationRequest update, @AuthenticationPrincipal Jwt caller) {
        return registrations.apply(caller.getSubject(), current -> current.update(update.attendanceMode(),
                update.preferredLanguage(),
                update.interpretationNeeded() == null ? current.interpretationLanguage()
                        : Boolean.TRUE.equals(update.interpretationNeeded()) ? update.interpretationLanguage() : null,
                update.accessibilityNeeds() != null ? Registration.blankToNull(update.accessibilityNeeds())
                        : current.accessibilityNeeds(),
                update.timeZone() != null ? Registration.blankToNull(update.timeZone()) : current.timeZone()))
                .view();
    }

    /** A participant withdraws; a place they held goes to the next person waiting. */
    @PostMapping("/me/cancel")
    RegistrationView cancelMine(@AuthenticationPrincipal Jwt caller) {
        return registrations.apply(caller.getSubject(), Registration::cancel).view();
    }

    /** Takes the place a waitlist offer holds for the caller (before its reply-by time). */
    @PostMapping("/me/offer/accept")
    RegistrationView acceptOffer(@AuthenticationPrincipal Jwt caller) {
        return registrations.apply(caller.getSubject(), Registration::acceptOffer).view();
    }

    /** Declines a waitlist offer: the registration is cancelled and the place passes to the next person. */
    @PostMapping("/me/offer/decline")
    RegistrationView declineOffer(@AuthenticationPrincipal Jwt caller) {
        return registrations.apply(caller.getSubject(), current -> {
            if (current.status() != Registration.Status.OFFERED) {
                throw new IllegalTransitionException(current.status(), Registration.Status.CANCELLED);
            }
            return current.cancel();
        }).view();
    }
}
