package dev.hybridconf.registration.workflow;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationEvent;
import dev.hybridconf.contracts.registration.RegistrationRejected;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.registration.RegistrationWaitlisted;

/**
 * A person's registration. Created pending; each review step is a method that checks the current
 * status, refuses an illegal move with {@link IllegalTransitionException}, and returns the next state
 * with the event it causes. Knows how to store itself as a Redis hash.
 */
record Registration(
        String id,
        Status status,
        String fullName,
        String email,
        String organisation,
        String country,
        AttendanceMode attendanceMode,
        String preferredLanguage,
        Instant submittedAt) {

    enum Status {
        PENDING,
        APPROVED,
        WAITLISTED,
        REJECTED,
        CANCELLED
    }

    /** The outcome of a review step: the registration after it and the event to publish. */
    record Transition(Registration next, RegistrationEvent event) {

        boolean takesPlace() {
            return next.status == Status.APPROVED;
        }

        boolean releasesPlace() {
            return event instanceof RegistrationCancelled cancelled && cancelled.placeReleased();
        }
    }

    Transition approve() {
        require(Status.APPROVED, Status.PENDING, Status.WAITLISTED);
        return new Transition(with(Status.APPROVED),
                new RegistrationApproved(id, attendanceMode.name(), preferredLanguage, null, null, List.of("participant")));
    }

    Transition waitlist() {
        require(Status.WAITLISTED, Status.PENDING);
        return new Transition(with(Status.WAITLISTED), new RegistrationWaitlisted(id, attendanceMode.name()));
    }

    Transition reject() {
        require(Status.REJECTED, Status.PENDING, Status.WAITLISTED);
        return new Transition(with(Status.REJECTED), new RegistrationRejected(id));
    }

    Transition cancel() {
        require(Status.CANCELLED, Status.PENDING, Status.WAITLISTED, Status.APPROVED);
        return new Transition(with(Status.CANCELLED),
                new RegistrationCancelled(id, attendanceMode.name(), status == Status.APPROVED));
    }

    private void require(Status target, Status... allowedFrom) {
        if (!EnumSet.copyOf(Arrays.asList(allowedFrom)).contains(status)) {
            throw new IllegalTransitionException(status, target);
        }
    }

    private Registration with(Status next) {
        return new Registration(id, next, fullName, email, organisation, country, attendanceMode,
                preferredLanguage, submittedAt);
    }

    static Registration submit(SubmitRegistrationRequest form, Instant now) {
        return new Registration(UUID.randomUUID().toString(), Status.PENDING, form.fullName().strip(),
                normaliseEmail(form.email()), form.organisation().strip(), form.country(), form.attendanceMode(),
                form.preferredLanguage(), now);
    }

    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    RegistrationSubmitted submitted() {
        return new RegistrationSubmitted(id, attendanceMode.name(), preferredLanguage, country);
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("id", id);
        hash.put("status", status.name());
        hash.put("fullName", fullName);
        hash.put("email", email);
        hash.put("organisation", organisation);
        hash.put("country", country);
        hash.put("attendanceMode", attendanceMode.name());
        hash.put("preferredLanguage", preferredLanguage);
        hash.put("submittedAt", submittedAt.toString());
        return hash;
    }

    static Registration fromHash(Map<String, String> hash) {
        return new Registration(hash.get("id"), Status.valueOf(hash.get("status")), hash.get("fullName"),
                hash.get("email"), hash.get("organisation"), hash.get("country"),
                AttendanceMode.valueOf(hash.get("attendanceMode")), hash.get("preferredLanguage"),
                Instant.parse(hash.get("submittedAt")));
    }

    RegistrationView view() {
        return new RegistrationView(id, status.name(), fullName, email, organisation, country, attendanceMode,
                preferredLanguage, submittedAt);
    }
}
