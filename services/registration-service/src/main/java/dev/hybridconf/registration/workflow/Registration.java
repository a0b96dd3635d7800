package dev.hybridconf.registration.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.hybridconf.contracts.registration.AttendanceChanged;
import dev.hybridconf.contracts.registration.LanguageChanged;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationEvent;
import dev.hybridconf.contracts.registration.RegistrationOfferExpired;
import dev.hybridconf.contracts.registration.RegistrationOfferMade;
import dev.hybridconf.contracts.registration.RegistrationRejected;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.registration.RegistrationWaitlisted;
import dev.hybridconf.contracts.registration.RolesChanged;
import dev.hybridconf.contracts.registration.SponsorshipDecided;

/**
 * A person's registration. Each change is a method that checks the current state, refuses an
 * illegal one with a conflict, and returns a {@link Transition}: the registration after it and the
 * events it causes. What a change does to places, the waiting list and open offers is derived from
 * the states before and after (see {@link Registrations#apply}), so no method can forget it.
 *
 * @param conferenceId           the conference the registration is for; never changes (another conference is
 *                               another registration, with its own id)
 * @param version                incremented by every stored change; writes check it (optimistic concurrency)
 * @param interpretationLanguage the language the participant needs interpretation into, or null
 * @param roles                  sorted, always including {@code participant}
 * @param waitlistedAt           when the registration joined the waiting list (its place in the queue)
 * @param offerReplyBy           while {@link Status#OFFERED}: until when the held place waits for an answer
 */
record Registration(
        String id,
        String conferenceId,
        long version,
        Status status,
        String fullName,
        String email,
        String organisation,
        String position,
        String city,
        String country,
        AttendanceMode attendanceMode,
        String preferredLanguage,
        String interpretationLanguage,
        String accessibilityNeeds,
        String timeZone,
        Sponsorship sponsorship,
        String sponsorshipJustification,
        List<String> roles,
        String invitationId,
        Instant submittedAt,
        Instant waitlistedAt,
        Instant offerReplyBy) {

    enum Status {
        PENDING,
        APPROVED,
        WAITLISTED,
        /** A freed place is held for this waitlisted person until they accept or the offer expires. */
        OFFERED,
        /** The offer was not accepted in time; an organiser may still approve or waitlist again. */
        EXPIRED,
        REJECTED,
        CANCELLED;

        /** Approved and offered registrations each hold one place of their attendance mode. */
        boolean holdsPlace() {
            return this == APPROVED || this == OFFERED;
        }

        boolean closed() {
            return this == REJECTED || this == CANCELLED;
        }
    }

    enum Sponsorship {
        NONE,
        REQUESTED,
        GRANTED,
        DECLINED
    }

    Registration {
        roles = Roles.normalise(roles);
    }

    /** The outcome of a change: the registration before and after it, and the events to publish. */
    record Transition(Registration previous, Registration next, List<RegistrationEvent> events) {

        Transition {
            events = List.copyOf(events);
        }

        /** The single event of a review step (tests and callers that know there is one). */
        RegistrationEvent event() {
            return events.get(0);
        }

        boolean takesPlace() {
            return next.status.holdsPlace() && !previous.status.holdsPlace();
        }

        boolean releasesPlace() {
            return previous.status.holdsPlace() && !next.status.holdsPlace();
        }

        boolean changesNothing() {
            return events.isEmpty() && previous.equals(next);
        }
    }

    // ---- review -----------------------------------------------------------------------------

    Transition approve() {
        require(Status.APPROVED, Status.PENDING, Status.WAITLISTED, Status.EXPIRED);
        Registration next = with(Status.APPROVED).clearQueue();
        return new Transition(this, next, List.of(next.approved()));
    }

    /** The participant takes the place an offer holds for them. */
    Transition acceptOffer() {
        require(Status.APPROVED, Status.OFFERED);
        Registration next = with(Status.APPROVED).clearQueue();
        return new Transition(this, next, List.of(next.approved()));
    }

    Transition waitlist(Instant now) {
        require(Status.WAITLISTED, Status.PENDING, Status.EXPIRED);
        Registration next = copy().status(Status.WAITLISTED).waitlistedAt(now).offerReplyBy(null).build();
        return new Transition(this, next, List.of(new RegistrationWaitlisted(id, conferenceId, attendanceMode.name())));
    }

    Transition reject() {
        require(Status.REJECTED, Status.PENDING, Status.WAITLISTED, Status.EXPIRED);
        return new Transition(this, with(Status.REJECTED).clearQueue(), List.of(new RegistrationRejected(id, conferenceId)));
    }

    /** By the participant or an organiser; declining an offer is cancelling too. */
    Transition cancel() {
        require(Status.CANCELLED, Status.PENDING, Status.WAITLISTED, Status.OFFERED, Status.APPROVED, Status.EXPIRED);
        return new Transition(this, with(Status.CANCELLED).clearQueue(),
                List.of(new RegistrationCancelled(id, conferenceId, attendanceMode.name(), status.holdsPlace())));
    }

    /** Offers a freed place to this waitlisted registration, held until {@code replyBy}. */
    Transition offer(Instant replyBy) {
        require(Status.OFFERED, Status.WAITLISTED);
        Registration next = copy().status(Status.OFFERED).offerReplyBy(replyBy).build();
        return new Transition(this, next, List.of(new RegistrationOfferMade(id, conferenceId, attendanceMode.name(), replyBy)));
    }

    Transition expireOffer() {
        require(Status.EXPIRED, Status.OFFERED);
        return new Transition(this, with(Status.EXPIRED).clearQueue(),
                List.of(new RegistrationOfferExpired(id, conferenceId, attendanceMode.name())));
    }

    // ---- changes of details -----------------------------------------------------------------

    /**
     * Switches between in person and remote. An approved participant moves their place to the other
     * mode (if that mode has room); a waitlisted one keeps their turn in the other mode's queue.
     */
    Transition changeAttendance(AttendanceMode mode) {
        if (mode == null || mode == attendanceMode) {
            return unchanged();
        }
        if (status == Status.OFFERED) {
            throw new RegistrationRuleException("offer-open", "registration.offer-open");
        }
        requireOpen();
        Registration next = copy().attendanceMode(mode).build();
        return new Transition(this, next,
                List.of(new AttendanceChanged(id, conferenceId, attendanceMode.name(), mode.name(), status.name())));
    }

    /**
     * Changes the preferred language and the interpretation need together.
     *
     * @param interpretation the language to interpret into, or null for no interpretation
     */
    Transition changeLanguage(String language, String interpretation) {
        String nextLanguage = language != null ? language : preferredLanguage;
        if (nextLanguage.equals(preferredLanguage) && Objects.equals(interpretation, interpretationLanguage)) {
            return unchanged();
        }
        requireOpen();
        Registration next = copy().preferredLanguage(nextLanguage).interpretationLanguage(interpretation).build();
        return new Transition(this, next, List.of(new LanguageChanged(id, conferenceId, nextLanguage, interpretation)));
    }

    /** Details no other service plans with: no event. */
    Transition changeDetails(String needs, String zone) {
        if (Objects.equals(needs, accessibilityNeeds) && Objects.equals(zone, timeZone)) {
            return unchanged();
        }
        requireOpen();
        Registration next = copy().accessibilityNeeds(needs).timeZone(zone).build();
        return new Transition(this, next, List.of());
    }

    /**
     * A participant's own update: attendance mode, languages, needs and time zone at once, as one
     * change with the events of each part. {@code null} arguments keep the current value, except
     * {@code interpretation}, which is the complete new need (null: none).
     */
    Transition update(AttendanceMode mode, String language, String interpretation, String needs, String zone) {
        Transition attendance = changeAttendance(mode);
        Transition languages = attendance.next().changeLanguage(language, interpretation);
        Transition details = languages.next().changeDetails(needs, zone);
        List<RegistrationEvent> events = new ArrayList<>(attendance.events());
        events.addAll(languages.events());
        if (attendance.changesNothing() && languages.changesNothing() && details.changesNothing()) {
            return unchanged();
        }
        return new Transition(this, details.next(), events);
    }

    Transition changeRoles(List<String> requested) {
        List<String> next = Roles.normalise(requested);
        if (next.equals(roles)) {
            return unchanged();
        }
        requireOpen();
        return new Transition(this, copy().roles(next).build(), List.of(new RolesChanged(id, conferenceId, next)));
    }

    Transition decideSponsorship(Sponsorship decision) {
        if (sponsorship == Sponsorship.NONE) {
            throw new RegistrationRuleException("no-sponsorship-request", "registration.no-sponsorship-request");
        }
        if (decision != Sponsorship.GRANTED && decision != Sponsorship.DECLINED) {
            throw new RegistrationRuleException("sponsorship-decision", "registration.sponsorship-decision");
        }
        if (decision == sponsorship) {
            return unchanged();
        }
        return new Transition(this, copy().sponsorship(decision).build(),
                List.of(new SponsorshipDecided(id, conferenceId, decision.name())));
    }

    private Transition unchanged() {
        return new Transition(this, this, List.of());
    }

    private void requireOpen() {
        if (status.closed()) {
            throw new RegistrationRuleException("registration-closed", "registration.closed", status.name());
        }
    }

    private void require(Status target, Status... allowedFrom) {
        if (!EnumSet.copyOf(Arrays.asList(allowedFrom)).contains(status)) {
            throw new IllegalTransitionException(status, target);
        }
    }

    private Registration with(Status next) {
        return copy().status(next).build();
    }

    private Registration clearQueue() {
        return copy().waitlistedAt(null).offerReplyBy(null).build();
    }

    RegistrationApproved approved() {
        return new RegistrationApproved(id, conferenceId, attendanceMode.name(), preferredLanguage,
                interpretationLanguage, timeZone, roles);
    }

    // ---- creation and storage ---------------------------------------------------------------

    /** A new pending registration from the form; an invitation may add roles. */
    static Registration submit(SubmitRegistrationRequest form, Instant now, String invitationId, List<String> roles) {
        boolean sponsorshipRequested = Boolean.TRUE.equals(form.sponsorshipRequested());
        return new Registration(UUID.randomUUID().toString(), form.conferenceId().strip(), 1, Status.PENDING,
                form.fullName().strip(),
                normaliseEmail(form.email()), form.organisation().strip(), form.position().strip(), form.city().strip(),
                form.country(), form.attendanceMode(), form.preferredLanguage(),
                Boolean.TRUE.equals(form.interpretationNeeded()) ? form.interpretationLanguage() : null,
                blankToNull(form.accessibilityNeeds()), blankToNull(form.timeZone()),
                sponsorshipRequested ? Sponsorship.REQUESTED : Sponsorship.NONE,
                sponsorshipRequested ? blankToNull(form.sponsorshipJustification()) : null,
                roles, invitationId, now, null, null);
    }

    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    RegistrationSubmitted submitted() {
        return new RegistrationSubmitted(id, conferenceId, attendanceMode.name(), preferredLanguage, country);
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("id", id);
        putIfPresent(hash, "conferenceId", conferenceId);
        hash.put("version", Long.toString(version));
        hash.put("status", status.name());
        hash.put("fullName", fullName);
        hash.put("email", email);
        hash.put("organisation", organisation);
        hash.put("position", position);
        hash.put("city", city);
        hash.put("country", country);
        hash.put("attendanceMode", attendanceMode.name());
        hash.put("preferredLanguage", preferredLanguage);
        putIfPresent(hash, "interpretationLanguage", interpretationLanguage);
        putIfPresent(hash, "accessibilityNeeds", accessibilityNeeds);
        putIfPresent(hash, "timeZone", timeZone);
        hash.put("sponsorship", sponsorship.name());
        putIfPresent(hash, "sponsorshipJustification", sponsorshipJustification);
        hash.put("roles", String.join(",", roles));
        putIfPresent(hash, "invitationId", invitationId);
        hash.put("submittedAt", submittedAt.toString());
        putIfPresent(hash, "waitlistedAt", waitlistedAt);
        putIfPresent(hash, "offerReplyBy", offerReplyBy);
        return hash;
    }

    private static void putIfPresent(Map<String, String> hash, String field, Object value) {
        if (value != null) {
            hash.put(field, value.toString());
        }
    }

    /**
     * A stored registration.
     *
     * @param defaultConference the conference of a registration stored before registrations had one (ADR 0015);
     *                          null when the deployment names none
     */
    static Registration fromHash(Map<String, String> hash, String defaultConference) {
        String conference = hash.get("conferenceId");
        return new Registration(hash.get("id"), conference == null || conference.isEmpty() ? defaultConference : conference,
                Long.parseLong(hash.getOrDefault("version", "0")),
                Status.valueOf(hash.get("status")), hash.get("fullName"), hash.get("email"), hash.get("organisation"),
                hash.get("position"), hash.get("city"), hash.get("country"),
                AttendanceMode.valueOf(hash.get("attendanceMode")), hash.get("preferredLanguage"),
                hash.get("interpretationLanguage"), hash.get("accessibilityNeeds"), hash.get("timeZone"),
                Sponsorship.valueOf(hash.getOrDefault("sponsorship", "NONE")), hash.get("sponsorshipJustification"),
                hash.containsKey("roles") ? List.of(hash.get("roles").split(",")) : List.of(), hash.get("invitationId"),
                Instant.parse(hash.get("submittedAt")), instant(hash.get("waitlistedAt")),
                instant(hash.get("offerReplyBy")));
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    RegistrationView view() {
        return new RegistrationView(id, conferenceId, status.name(), fullName, email, organisation, position, city, country,
                attendanceMode, preferredLanguage, interpretationLanguage != null, interpretationLanguage,
                accessibilityNeeds, timeZone, sponsorship.name(), sponsorshipJustification, roles, submittedAt,
                offerReplyBy);
    }

    Builder copy() {
        return new Builder(this);
    }

    /** A copy with some fields changed; {@link #build()} bumps the version. */
    static final class Builder {
        private final Registration from;
        private Status status;
        private AttendanceMode attendanceMode;
        private String preferredLanguage;
        private String interpretationLanguage;
        private String accessibilityNeeds;
        private String timeZone;
        private Sponsorship sponsorship;
        private List<String> roles;
        private Instant waitlistedAt;
        private Instant offerReplyBy;

        private Builder(Registration from) {
            this.from = from;
            this.status = from.status;
            this.attendanceMode = from.attendanceMode;
            this.preferredLanguage = from.preferredLanguage;
            this.interpretationLanguage = from.interpretationLanguage;
            this.accessibilityNeeds = from.accessibilityNeeds;
            this.timeZone = from.timeZone;
            this.sponsorship = from.sponsorship;
            this.roles = new ArrayList<>(from.roles);
            this.waitlistedAt = from.waitlistedAt;
            this.offerReplyBy = from.offerReplyBy;
        }

        Builder status(Status value) { status = value; return this; }
        Builder attendanceMode(AttendanceMode value) { attendanceMode = value; return this; }
        Builder preferredLanguage(String value) { preferredLanguage = value; return this; }
        Builder interpretationLanguage(String value) { interpretationLanguage = value; return this; }
        Builder accessibilityNeeds(String value) { accessibilityNeeds = value; return this; }
        Builder timeZone(String value) { timeZone = value; return this; }
        Builder sponsorship(Sponsorship value) { sponsorship = value; return this; }
        Builder roles(List<String> value) { roles = value; return this; }
        Builder waitlistedAt(Instant value) { waitlistedAt = value; return this; }
        Builder offerReplyBy(Instant value) { offerReplyBy = value; return this; }

        Registration build() {
            Registration r = from;
            return new Registration(r.id, r.conferenceId, r.version + 1, status, r.fullName, r.email, r.organisation, r.position,
                    r.city, r.country, attendanceMode, preferredLanguage, interpretationLanguage, accessibilityNeeds,
                    timeZone, sponsorship, r.sponsorshipJustification, roles, r.invitationId, r.submittedAt,
                    waitlistedAt, offerReplyBy);
        }
    }

    /** The roles a registration can hold, as they appear in tokens and events. */
    static final class Roles {
        static final String PARTICIPANT = "participant";
        static final Set<String> ALL = Set.of(PARTICIPANT, "moderator", "rapporteur", "streaming-staff", "interpreter",
                "organiser");
        static final String PATTERN = "participant|moderator|rapporteur|streaming-staff|interpreter|organiser";

        private Roles() {
        }

        /** Sorted, without duplicates, always with {@code participant}. */
        static List<String> normalise(List<String> roles) {
            java.util.TreeSet<String> set = new java.util.TreeSet<>();
            set.add(PARTICIPANT);
            if (roles != null) {
                roles.stream().filter(Objects::nonNull).map(String::strip).filter(r -> !r.isEmpty()).forEach(set::add);
            }
            return List.copyOf(set);
        }
    }
}
