package dev.hybridconf.registration.submission;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.hybridconf.contracts.registration.RegistrationSubmitted;

/**
 * A person's registration. Created pending; later issues add the review transitions. Knows how to
 * store itself as a Redis hash and which event its creation causes.
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
        PENDING
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
