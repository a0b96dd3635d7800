package dev.hybridconf.registration.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationReminderRequested;
import dev.hybridconf.contracts.registration.RegistrationWaitlisted;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.registration.conference.KnownConference;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ZRangeParams;

/**
 * Stores registrations and applies their changes. Every change is one atomic Redis step that
 * checks the version it was decided on, writes the new state, keeps places, the waiting lists and
 * open offers in step, and appends the events to the outbox.
 *
 * <p>A registration belongs to one conference, and so do its places, waiting lists and e-mail reservation:
 * one person may register for several conferences, once each. Redis keys (under the service prefix):
 * {@code registration:<id>} (hash, with its {@code conferenceId}), {@code email:<conferenceId>:<email>}
 * (one registration per address and conference), {@code registrations:<conferenceId>} (the conference's ids
 * by submission time), {@code waitlist:<conferenceId>:<MODE>} (waiting ids by the time they joined),
 * {@code offers} (offered ids of every conference by reply-by time), {@code capacity:<conferenceId>:approved}
 * (places held per mode: approved plus offered).
 */
@Service
class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    /** At most one reminder e-mail per registration in this time, however often it is asked for. */
    static final java.time.Duration REMINDER_INTERVAL = java.time.Duration.ofMinutes(5);

    private final RedisStore store;
    private final KeySpace keys;
    private final Clock clock;
    private final ConferenceRules conferences;
    private final RegistrationSettings settings;
    private final Invitations invitations;
    private final MeterRegistry meters;

    Registrations(RedisStore store, Clock clock, MeterRegistry meters, ConferenceRules conferences,
            RegistrationSettings settings, Invitations invitations) {
        this.store = store;
        this.keys = store.keys();
        this.clock = clock;
        this.conferences = conferences;
        this.settings = settings;
        this.invitations = invitations;
        this.meters = meters;
    }

    /**
     * Stores the registration, reserves its e-mail in its conference and emits {@code registration.submitted.v1},
     * all in one atomic step. With an invitation the invitation is spent in the same step; an invitation
     * that skips review approves at once (or waitlists when the mode is full).
     *
     * @throws NotFoundException when the session service never published the conference
     * @throws ConflictException when the conference's registration is not open, the e-mail already has a
     *                           registration for the conference, or the invitation was used meanwhile
     */
    Registration submit(SubmitRegistrationRequest form) {
        KnownConference conference = conferences.require(form.conferenceId());
        conferences.requireOpen(conference);
        return submit(form, conference.invitationOnly(), "registration.duplicate-email");
    }

    /**
     * An organiser registers someone (e.g. a CSV import): no invitation needed, even when invitation-only, and
     * outside the conference's window too (the window is the public form's).
     */
    Registration submitForOrganiser(SubmitRegistrationRequest form) {
        conferences.require(form.conferenceId());
        return submit(form, false, "registration.already-registered");
    }

    /** @param duplicateMessage the text for an address already registered: the participant's has a way back */
    private Registration submit(SubmitRegistrationRequest form, boolean invitationRequired, String duplicateMessage) {
        Optional<Invitations.Invitation> invitation = invitations.forSubmission(form.invitationCode(), form.email(),
                form.conferenceId(), invitationRequired);
        Instant now = clock.instant();
        Registration registration = Registration.submit(form, now, invitation.map(Invitations.Invitation::id).orElse(null),
                invitation.map(Invitations.Invitation::roles).orElse(List.of()));
        try {
            write(registration, invitation, invitation.filter(Invitations.Invitation::skipReview)
                    .map(i -> registration.approve()).orElse(null), duplicateMessage);
        } catch (ConflictException full) {
            if (!"capacity-reached".equals(full.slug())) {
                throw full;
            }
            write(registration, invitation, registration.waitlist(now), duplicateMessage);
        }
        meters.counter("registrations.submitted", "invited", Boolean.toString(invitation.isPresent())).increment();
        return find(registration.id()).orElse(registration);
    }

    private void write(Registration registration, Optional<Invitations.Invitation> invitation,
            Registration.Transition review, String duplicateMessage) {
        String conference = registration.conferenceId();
        AtomicWrite write = store.atomically()
                .requireAbsent(emailKey(conference, registration.email()),
                        () -> new ConflictException("duplicate-registration", duplicateMessage))
                .set(emailKey(conference, registration.email()), registration.id())
                .zadd(indexKey(conference), registration.submittedAt().toEpochMilli(), registration.id())
                .emit(registration.submitted());
        invitation.ifPresent(used -> invitations.spend(write, used, registration.id()));
        if (review == null) {
            write.hset(registrationKey(registration.id()), registration.toHash());
        } else {
            write.hset(registrationKey(registration.id()), review.next().toHash());
            effects(write, review);
        }
        write.execute();
    }

    /** Applies one change decided by {@code step} on the current state. */
    Registration apply(String id, Function<Registration, Registration.Transition> step) {
        Registration current = find(id).orElseThrow(() -> new NotFoundException("registration.not-found", id));
        requireConference(current);
        Registration.Transition transition = step.apply(current);
        if (transition.changesNothing()) {
            return current;
        }
        String key = registrationKey(id);
        AtomicWrite write = store.atomically()
                .requireField(key, "version", Long.toString(current.version()),
                        () -> new ConflictException("changed-concurrently", "registration.changed-concurrently"))
                .delete(key)
                .hset(key, transition.next().toHash());
        effects(write, transition);
        write.execute();
        meters.counter("registrations.changed", "status", transition.next().status().name()).increment();
        if (transition.releasesPlace() || (transition.previous().status().holdsPlace()
                && transition.previous().attendanceMode() != transition.next().attendanceMode())) {
            offerFreedPlaces(current.conferenceId(), transition.previous().attendanceMode());
        }
        return transition.next();
    }

    /** What a change does to places, waiting lists and offers, derived from the states before and after. */
    private void effects(AtomicWrite write, Registration.Transition transition) {
        Registration before = transition.previous();
        Registration after = transition.next();
        String conference = after.conferenceId();
        boolean heldBefore = before.status().holdsPlace();
        boolean holdsAfter = after.status().holdsPlace();
        if (holdsAfter && (!heldBefore || before.attendanceMode() != after.attendanceMode())) {
            AttendanceMode mode = after.attendanceMode();
            // A capacity lowered below the places held takes nobody's place: it only stops new ones.
            write.requireBelow(capacityKey(conference), mode.name(), conferences.limit(conference, mode),
                    () -> new ConflictException("capacity-reached", "registration.capacity-reached"))
                    .hincrBy(capacityKey(conference), mode.name(), 1);
        }
        if (heldBefore && (!holdsAfter || before.attendanceMode() != after.attendanceMode())) {
            write.hincrBy(capacityKey(conference), before.attendanceMode().name(), -1);
        }
        if (before.status() == Registration.Status.WAITLISTED) {
            write.zrem(waitlistKey(conference, before.attendanceMode()), before.id());
        }
        if (after.status() == Registration.Status.WAITLISTED) {
            write.zadd(waitlistKey(conference, after.attendanceMode()), after.waitlistedAt().toEpochMilli(), after.id());
        }
        if (before.status() == Registration.Status.OFFERED) {
            write.zrem(offersKey(), before.id());
        }
        if (after.status() == Registration.Status.OFFERED) {
            write.zadd(offersKey(), after.offerReplyBy().toEpochMilli(), after.id());
        }
        transition.events().forEach(write::emit);
    }

    /**
     * Offers the free places of a conference's mode to the people at the head of its waiting list, one at a
     * time. Safe on every replica at once: each offer re-checks capacity and the registration's version, so
     * a race costs a retry, never a place.
     *
     * @return how many offers were made
     */
    int offerFreedPlaces(String conferenceId, AttendanceMode mode) {
        int offered = 0;
        for (int attempt = 0; attempt < 200; attempt++) {
            if (capacity(conferenceId).modes().get(mode).free() <= 0) {
                return offered;
            }
            List<String> head = store.redis().zrange(waitlistKey(conferenceId, mode), 0, 0);
            if (head.isEmpty()) {
                return offered;
            }
            Instant replyBy = clock.instant().plus(settings.offerReplyWithin());
            try {
                apply(head.get(0), registration -> registration.offer(replyBy));
                offered++;
            } catch (NotFoundException | ConflictException raced) {
                if (raced instanceof ConflictException conflict && "capacity-reached".equals(conflict.slug())) {
                    return offered;
                }
                log.debug("Offer to {} raced with another change; trying again", head.get(0));
            }
        }
        return offered;
    }

    /**
     * Expires the offers whose reply-by time has passed; each expiry frees the held place for the
     * next person waiting.
     *
     * @return how many offers expired
     */
    int expireOffers() {
        List<String> due = store.redis().zrangeByScore(offersKey(), Double.NEGATIVE_INFINITY,
                clock.instant().toEpochMilli(), 0, 100);
        int expired = 0;
        for (String id : due) {
            try {
                apply(id, Registration::expireOffer);
                expired++;
            } catch (ProblemException raced) {
                log.debug("Offer {} was answered or expired elsewhere meanwhile", id);
            }
        }
        return expired;
    }

    /**
     * Erases a participant: their registration, e-mail reservation and invitation go, a held place is
     * freed, and {@code participant.erased.v1} tells every other service to purge its copy.
     */
    void erase(String id) {
        Registration current = find(id).orElseThrow(() -> new NotFoundException("registration.not-found", id));
        requireConference(current);
        String conference = current.conferenceId();
        String key = registrationKey(id);
        boolean held = current.status().holdsPlace();
        AtomicWrite write = store.atomically()
                .requireField(key, "version", Long.toString(current.version()),
                        () -> new ConflictException("changed-concurrently", "registration.changed-concurrently"))
                .delete(key)
                .delete(emailKey(conference, current.email()))
                .zrem(indexKey(conference), id)
                .zrem(waitlistKey(conference, current.attendanceMode()), id)
                .zrem(offersKey(), id)
                .emit(new ParticipantErased(id, conference, current.attendanceMode().name(), held));
        if (held) {
            write.hincrBy(capacityKey(conference), current.attendanceMode().name(), -1);
        }
        invitations.eraseFor(write, conference, current.email(), current.invitationId());
        write.execute();
        meters.counter("registrations.erased").increment();
        if (held) {
            offerFreedPlaces(conference, current.attendanceMode());
        }
    }

    /**
     * A registration stored before registrations had a conference, in a deployment that names no default
     * conference for them (ADR 0015), cannot change: nothing would say whose places it holds.
     */
    private static void requireConference(Registration registration) {
        if (registration.conferenceId() == null) {
            throw new ConflictException("conference-unknown", "registration.conference-unknown", registration.id());
        }
    }

    /**
     * Asks for the e-mail about the registration of {@code email} to be sent again, at most once per
     * {@code REMINDER_INTERVAL} and registration. Says nothing about whether the address is registered: the
     * caller answers the same either way.
     *
     * @param conferenceId the conference the person asks about, or null for each conference they registered for
     */
    void requestReminder(String email, String conferenceId) {
        List<String> asked = conferenceId != null ? List.of(conferenceId) : conferences.conferenceIds();
        asked.stream().map(conference -> findByEmail(conference, email)).flatMap(Optional::stream)
                .forEach(this::remind);
    }

    private void remind(Registration registration) {
        String throttle = keys.key("reminder", registration.id());
        try {
            store.atomically()
                    .requireAbsent(throttle, () -> new ConflictException("reminder-throttled", "registration.reminder-sent"))
                    .set(throttle, "1")
                    .expire(throttle, REMINDER_INTERVAL)
                    .emit(new RegistrationReminderRequested(registration.id(), registration.conferenceId()))
                    .execute();
            meters.counter("registrations.reminders", "outcome", "sent").increment();
        } catch (ConflictException throttled) {
            meters.counter("registrations.reminders", "outcome", "throttled").increment();
        }
    }

    /** One conference's places per mode: limit, held, free, waiting. */
    CapacityView capacity(String conferenceId) {
        Map<String, String> approved = store.redis().hgetAll(capacityKey(conferenceId));
        Map<AttendanceMode, CapacityView.Mode> modes = new EnumMap<>(AttendanceMode.class);
        for (AttendanceMode mode : AttendanceMode.values()) {
            int limit = conferences.limit(conferenceId, mode);
            long taken = Long.parseLong(approved.getOrDefault(mode.name(), "0"));
            long waiting = store.redis().zcard(waitlistKey(conferenceId, mode));
            modes.put(mode, new CapacityView.Mode(limit, taken, Math.max(0, limit - taken), waiting));
        }
        return new CapacityView(conferenceId, modes);
    }

    Optional<Registration> find(String id) {
        Map<String, String> hash = store.redis().hgetAll(registrationKey(id));
        return hash == null || hash.isEmpty() ? Optional.empty()
                : Optional.of(Registration.fromHash(hash, conferences.defaultConference()));
    }

    Optional<Registration> findByEmail(String conferenceId, String email) {
        String id = store.redis().get(emailKey(conferenceId, Registration.normaliseEmail(email)));
        return id == null ? Optional.empty() : find(id);
    }

    /** Every registration of a conference, oldest first, read in pages of {@code batch} with one round trip per page. */
    void forEach(String conferenceId, int batch, java.util.function.Consumer<Registration> action) {
        long start = 0;
        while (true) {
            List<String> ids = store.redis().zrange(indexKey(conferenceId), start, start + batch - 1);
            if (ids.isEmpty()) {
                return;
            }
            findAll(ids).forEach(action);
            start += ids.size();
        }
    }

    /** The registrations with these ids that still exist, in the given order. */
    List<Registration> findAll(List<String> ids) {
        List<Registration> found = new ArrayList<>(ids.size());
        try (AbstractPipeline pipeline = store.redis().pipelined()) {
            List<Response<Map<String, String>>> responses = new ArrayList<>(ids.size());
            for (String id : ids) {
                responses.add(pipeline.hgetAll(registrationKey(id)));
            }
            pipeline.sync();
            for (Response<Map<String, String>> response : responses) {
                Map<String, String> hash = response.get();
                if (hash != null && !hash.isEmpty()) {
                    found.add(Registration.fromHash(hash, conferences.defaultConference()));
                }
            }
        }
        return found;
    }

    long count(String conferenceId) {
        return store.redis().zcard(indexKey(conferenceId));
    }

    /** Waiting ids of a conference's mode in queue order. */
    List<String> waitlist(String conferenceId, AttendanceMode mode) {
        return store.redis().zrange(waitlistKey(conferenceId, mode), 0, -1);
    }

    static boolean isApproval(Registration.Transition transition) {
        return transition.events().stream().anyMatch(e -> e instanceof RegistrationApproved);
    }

    static boolean isWaitlisting(Registration.Transition transition) {
        return transition.events().stream().anyMatch(e -> e instanceof RegistrationWaitlisted);
    }

    String registrationKey(String id) {
        return keys.key("registration", id);
    }

    String capacityKey(String conferenceId) {
        return keys.key("capacity", conferenceId, "approved");
    }

    String emailKey(String conferenceId, String email) {
        return keys.key("email", conferenceId, email);
    }

    String indexKey(String conferenceId) {
        return keys.key("registrations", conferenceId);
    }

    String waitlistKey(String conferenceId, AttendanceMode mode) {
        return keys.key("waitlist", conferenceId, mode.name());
    }

    private String offersKey() {
        return keys.key("offers");
    }
}
