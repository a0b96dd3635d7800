package dev.hybridconf.contracts;

import java.util.Map;

import dev.hybridconf.contracts.interpretation.InterpretationPlanPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.contracts.rapporteur.SummaryPublished;
import dev.hybridconf.contracts.registration.AttendanceChanged;
import dev.hybridconf.contracts.registration.InvitationIssued;
import dev.hybridconf.contracts.registration.LanguageChanged;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationOfferExpired;
import dev.hybridconf.contracts.registration.RegistrationOfferMade;
import dev.hybridconf.contracts.registration.RegistrationRejected;
import dev.hybridconf.contracts.registration.RegistrationReminderRequested;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.registration.RegistrationWaitlisted;
import dev.hybridconf.contracts.registration.RolesChanged;
import dev.hybridconf.contracts.registration.SponsorshipDecided;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.ConferenceUpdated;
import dev.hybridconf.contracts.session.ConclusionPosted;
import dev.hybridconf.contracts.session.ConclusionsLockChanged;
import dev.hybridconf.contracts.session.LiveStatusChanged;
import dev.hybridconf.contracts.session.SessionCancelled;
import dev.hybridconf.contracts.session.SessionEnrolled;
import dev.hybridconf.contracts.session.SessionEnrolmentCancelled;
import dev.hybridconf.contracts.session.SessionEnrolmentPromoted;
import dev.hybridconf.contracts.session.SessionRescheduled;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.contracts.session.SessionUpdated;
import dev.hybridconf.contracts.streaming.LinkProvisioned;
import dev.hybridconf.contracts.streaming.LinkRemoved;
import dev.hybridconf.contracts.streaming.MeetingEnded;
import dev.hybridconf.contracts.streaming.MeetingStarted;
import dev.hybridconf.contracts.streaming.ProvisioningFailed;
import dev.hybridconf.contracts.streaming.RegistrantsSynced;
import dev.hybridconf.contracts.streaming.ZoomWebhookReceived;

/**
 * The registry of logical event types and their payload records. A consumer binds data only to a
 * type listed here; a type it does not know is skipped, never guessed from a class name.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends EventPayload>> TYPES = Map.ofEntries(
            Map.entry(RegistrationSubmitted.TYPE, RegistrationSubmitted.class),
            Map.entry(RegistrationApproved.TYPE, RegistrationApproved.class),
            Map.entry(RegistrationWaitlisted.TYPE, RegistrationWaitlisted.class),
            Map.entry(RegistrationRejected.TYPE, RegistrationRejected.class),
            Map.entry(RegistrationCancelled.TYPE, RegistrationCancelled.class),
            Map.entry(RegistrationOfferMade.TYPE, RegistrationOfferMade.class),
            Map.entry(RegistrationOfferExpired.TYPE, RegistrationOfferExpired.class),
            Map.entry(AttendanceChanged.TYPE, AttendanceChanged.class),
            Map.entry(LanguageChanged.TYPE, LanguageChanged.class),
            Map.entry(RolesChanged.TYPE, RolesChanged.class),
            Map.entry(SponsorshipDecided.TYPE, SponsorshipDecided.class),
            Map.entry(ParticipantErased.TYPE, ParticipantErased.class),
            Map.entry(InvitationIssued.TYPE, InvitationIssued.class),
            Map.entry(RegistrationReminderRequested.TYPE, RegistrationReminderRequested.class),
            Map.entry(ConferencePublished.TYPE, ConferencePublished.class),
            Map.entry(ConferenceUpdated.TYPE, ConferenceUpdated.class),
            Map.entry(SessionScheduled.TYPE, SessionScheduled.class),
            Map.entry(SessionRescheduled.TYPE, SessionRescheduled.class),
            Map.entry(SessionUpdated.TYPE, SessionUpdated.class),
            Map.entry(SessionCancelled.TYPE, SessionCancelled.class),
            Map.entry(SessionEnrolled.TYPE, SessionEnrolled.class),
            Map.entry(SessionEnrolmentCancelled.TYPE, SessionEnrolmentCancelled.class),
            Map.entry(SessionEnrolmentPromoted.TYPE, SessionEnrolmentPromoted.class),
            Map.entry(ConclusionPosted.TYPE, ConclusionPosted.class),
            Map.entry(ConclusionsLockChanged.TYPE, ConclusionsLockChanged.class),
            Map.entry(LiveStatusChanged.TYPE, LiveStatusChanged.class),
            Map.entry(MeetingStarted.TYPE, MeetingStarted.class),
            Map.entry(MeetingEnded.TYPE, MeetingEnded.class),
            Map.entry(LinkProvisioned.TYPE, LinkProvisioned.class),
            Map.entry(ProvisioningFailed.TYPE, ProvisioningFailed.class),
            Map.entry(LinkRemoved.TYPE, LinkRemoved.class),
            Map.entry(RegistrantsSynced.TYPE, RegistrantsSynced.class),
            Map.entry(ZoomWebhookReceived.TYPE, ZoomWebhookReceived.class),
            Map.entry(SessionInterpretationPublished.TYPE, SessionInterpretationPublished.class),
            Map.entry(InterpretationPlanPublished.TYPE, InterpretationPlanPublished.class),
            Map.entry(SummaryPublished.TYPE, SummaryPublished.class));

    private EventTypes() {
    }

    /**
     * Refuses a type whose family this registry knows in another version ({@code registration.approved.v2} when
     * only {@code registration.approved.v1} is listed); a type of an unknown family passes (consumers skip it).
     *
     * @throws UnknownEventVersionException when the family is known and the version is not
     */
    public static void requireKnownVersion(String type) {
        if (type == null || TYPES.containsKey(type)) {
            return;
        }
        String family = family(type);
        if (family != null && TYPES.keySet().stream().anyMatch(known -> family.equals(family(known)))) {
            throw new UnknownEventVersionException(type);
        }
    }

    /**
     * Refuses a type that is another version of one the caller handles ({@code registration.approved.v2} for a
     * consumer of {@code registration.approved.v1}): skipping it would lose a fact the consumer keeps. Anything else
     * the caller does not handle passes (it skips it).
     *
     * @throws UnknownEventVersionException when {@code type} is an unknown version of a handled type
     */
    public static void requireKnownVersion(String type, java.util.Collection<String> handled) {
        if (type == null || handled.contains(type)) {
            return;
        }
        String family = family(type);
        if (family != null && handled.stream().anyMatch(known -> family.equals(family(known)))) {
            throw new UnknownEventVersionException(type);
        }
    }

    /** {@code registration.approved} of {@code registration.approved.v1}; null when the type has no version suffix. */
    private static String family(String type) {
        int dot = type.lastIndexOf('.');
        if (dot <= 0 || dot + 2 > type.length() || type.charAt(dot + 1) != 'v') {
            return null;
        }
        for (int i = dot + 2; i < type.length(); i++) {
            if (!Character.isDigit(type.charAt(i))) {
                return null;
            }
        }
        return type.substring(0, dot);
    }

    public static Map<String, Class<? extends EventPayload>> all() {
        return TYPES;
    }

    /** The JSON Schema of a type's data, as a classpath resource. */
    public static String schemaResource(String type) {
        return "/schemas/" + type + ".json";
    }
}
