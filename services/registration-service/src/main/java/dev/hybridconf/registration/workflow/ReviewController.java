package dev.hybridconf.registration.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.errors.ProblemMessages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Organisers review registrations: approve (within capacity), waitlist, reject, cancel, one by one
 * or in bulk; decide sponsorship requests; grant roles; erase participants; set admission rules.
 */
@RestController
@RequestMapping("/api/registrations")
@PreAuthorize("hasRole('organiser')")
class ReviewController {

    enum Action {
        APPROVE(Registration::approve),
        WAITLIST(null),
        REJECT(Registration::reject),
        CANCEL(Registration::cancel);

        private final Function<Registration, Registration.Transition> step;

        Action(Function<Registration, Registration.Transition> step) {
            this.step = step;
        }
    }

    record BulkReview(@NotNull Action action, @NotEmpty @Size(max = 500) List<@NotNull UUID> ids) {
    }

    /**
     * One registration's outcome in a bulk review: its status after, or why it was left as it was.
     *
     * @param problem the problem type slug (e.g. {@code capacity-reached}); null when it succeeded
     */
    record BulkOutcome(String id, String status, String problem, String detail) {
    }

    record BulkResult(int succeeded, int failed, List<BulkOutcome> results) {
    }

    record SponsorshipDecision(@NotNull @Pattern(regexp = "GRANTED|DECLINED") String decision) {
    }

    record RolesGrant(@NotNull @Size(max = 6) List<@NotNull @Pattern(regexp = Registration.Roles.PATTERN) String> roles) {
    }

    private final Registrations registrations;
    private final RegistrationSettings settings;
    private final ConferenceRules conferences;
    private final ProblemMessages messages;
    private final java.time.Clock clock;

    ReviewController(Registrations registrations, RegistrationSettings settings, ConferenceRules conferences,
            ProblemMessages messages, java.time.Clock clock) {
        this.registrations = registrations;
        this.settings = settings;
        this.conferences = conferences;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/{id}/approve")
    RegistrationView approve(@PathVariable UUID id) {
        return registrations.apply(id.toString(), Registration::approve).view();
    }

    @PostMapping("/{id}/waitlist")
    RegistrationView waitlist(@PathVariable UUID id) {
        return registrations.apply(id.toString(), r -> r.waitlist(clock.instant())).view();
    }

    @PostMapping("/{id}/reject")
    RegistrationView reject(@PathVariable UUID id) {
        return registrations.apply(id.toString(), Registration::reject).view();
    }

    @PostMapping("/{id}/cancel")
    RegistrationView cancel(@PathVariable UUID id) {
        return registrations.apply(id.toString(), Registration::cancel).view();
    }

    /**
     * Applies one review action to many registrations. Each is its own atomic change: the ones that
     * cannot move (full mode, wrong status, unknown id) are reported and the others go through.
     */
    @PostMapping("/bulk")
    BulkResult bulk(@Valid @RequestBody BulkReview review, Locale locale) {
        List<BulkOutcome> outcomes = new ArrayList<>();
        int succeeded = 0;
        for (UUID id : new LinkedHashSet<>(review.ids())) {
            try {
                Function<Registration, Registration.Transition> step = review.action() == Action.WAITLIST
                        ? r -> r.waitlist(clock.instant()) : review.action().step;
                Registration after = registrations.apply(id.toString(), step);
                outcomes.add(new BulkOutcome(id.toString(), after.status().name(), null, null));
                succeeded++;
            } catch (ProblemException problem) {
                outcomes.add(new BulkOutcome(id.toString(), null, problem.slug(),
                        messages.text(problem.messageKey(), locale, problem.arguments())));
            }
        }
        return new BulkResult(succeeded, outcomes.size() - succeeded, outcomes);
    }

    /** Grants or declines a travel or accommodation sponsorship request. */
    @PostMapping("/{id}/sponsorship")
    RegistrationView decideSponsorship(@PathVariable UUID id, @Valid @RequestBody SponsorshipDecision decision) {
        return registrations.apply(id.toString(),
                r -> r.decideSponsorship(Registration.Sponsorship.valueOf(decision.decision()))).view();
    }

    /** Replaces the registration's roles (participant is always kept). */
    @PutMapping("/{id}/roles")
    RegistrationView grantRoles(@PathVariable UUID id, @Valid @RequestBody RolesGrant grant) {
        return registrations.apply(id.toString(), r -> r.changeRoles(grant.roles())).view();
    }

    /** Right to be forgotten: removes the participant's personal data and tells every service to purge theirs. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> erase(@PathVariable UUID id) {
        registrations.erase(id.toString());
        return ResponseEntity.noContent().build();
    }

    /** One conference's places per mode ({@code conference}, required). */
    @GetMapping("/capacity")
    CapacityView capacity(@RequestParam(required = false) String conference) {
        return registrations.capacity(conferences.requireParameter(conference).id());
    }

    /**
     * How one conference admits people, as applied here. Invitation-only, places and the window are the
     * conference's (changed where the conference is edited, in the session service), so nothing is set here.
     */
    @GetMapping("/settings")
    RegistrationSettings.View settings(@RequestParam(required = false) String conference) {
        return settings.view(conferences.requireParameter(conference));
    }
}
