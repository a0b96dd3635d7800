package dev.hybridconf.registration.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.registration.conference.ConferenceCopy;
import dev.hybridconf.registration.conference.KnownConference;

/**
 * How each conference admits people, from what the session service publishes about it (ADR 0015): its
 * places per attendance mode (the configured {@link RegistrationCapacity} for a conference that states
 * none), whether it is invitation-only, and when its form is open. Also names the default conference:
 * the one that registrations and invitations stored before conferences were the boundary belong to.
 */
@Component
class ConferenceRules {

    private final ConferenceCopy conferences;
    private final RegistrationCapacity defaults;
    private final Clock clock;
    private final String defaultConference;

    ConferenceRules(ConferenceCopy conferences, RegistrationCapacity defaults, Clock clock,
            @Value("${platform.registration.default-conference:}") String defaultConference) {
        this.conferences = conferences;
        this.defaults = defaults;
        this.clock = clock;
        this.defaultConference = defaultConference == null || defaultConference.isBlank() ? null
                : defaultConference.strip();
    }

    /**
     * The conference, as published by the session service.
     *
     * @throws NotFoundException (404) for an id the session service never published
     */
    KnownConference require(String conferenceId) {
        return find(conferenceId).orElseThrow(() -> new NotFoundException("conference.not-found", conferenceId));
    }

    /**
     * The conference an organiser's view or import names in its {@code conference} query parameter.
     *
     * @throws InvalidFieldsException (400 naming {@code conference}) when it is missing
     * @throws NotFoundException      (404) for an id the session service never published
     */
    KnownConference requireParameter(String conference) {
        if (conference == null || conference.isBlank()) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("conference",
                    "registration.conference.parameter")));
        }
        return require(conference.strip());
    }

    Optional<KnownConference> find(String conferenceId) {
        return ConferenceIds.valid(conferenceId) ? conferences.find(conferenceId) : Optional.empty();
    }

    /**
     * Refuses a registration through the public form outside the conference's window.
     *
     * @throws ConflictException (409 {@code registration-closed}) before it opens or once it has closed
     */
    void requireOpen(KnownConference conference) {
        Instant now = clock.instant();
        if (conference.open(now)) {
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(conference.timeZone());
        String name = conference.name(locale.getLanguage());
        if (conference.terms().opensAt() != null && now.isBefore(conference.terms().opensAt())) {
            throw new ConflictException("registration-closed", "registration.not-yet-open", name,
                    format.format(conference.terms().opensAt()));
        }
        throw new ConflictException("registration-closed", "registration.window-closed", name,
                format.format(conference.terms().closesAt()));
    }

    /** Places in the mode: the conference's, or the configured default when it states none (or is unknown). */
    int limit(String conferenceId, AttendanceMode mode) {
        Integer stated = find(conferenceId).map(conference -> mode == AttendanceMode.IN_PERSON
                ? conference.terms().inPersonCapacity() : conference.terms().remoteCapacity()).orElse(null);
        return stated != null ? stated : defaults.limit(mode);
    }

    /** Every conference the session service published, by id. */
    List<String> conferenceIds() {
        return conferences.ids();
    }

    /** The conference of data stored before registrations had one, or null when the deployment names none. */
    String defaultConference() {
        return defaultConference;
    }
}
