package dev.hybridconf.registration.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.registration.AttendanceChanged;
import dev.hybridconf.contracts.registration.LanguageChanged;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationOfferExpired;
import dev.hybridconf.contracts.registration.RegistrationOfferMade;
import dev.hybridconf.contracts.registration.RolesChanged;
import dev.hybridconf.contracts.registration.SponsorshipDecided;

/** The transitions and changes of the aggregate, without any infrastructure. */
class RegistrationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final String ID = "3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1";
    private static final String CONFERENCE = "local-action-2024";

    /** Object mother: a remote participant's registration in the given status, who asked for sponsorship. */
    static Registration registration(Registration.Status status) {
        return new Registration(ID, CONFERENCE, 3, status, "Fatima Zahra", "fz@rabat.ma", "Commune de Rabat", "Adjointe au maire",
                "Rabat", "MA", AttendanceMode.REMOTE, "fr", "en", null, "Africa/Casablanca",
                Registration.Sponsorship.REQUESTED, "Small municipality, no travel budget", List.of("participant"), null,
                NOW, status == Registration.Status.WAITLISTED ? NOW : null,
                status == Registration.Status.OFFERED ? NOW.plusSeconds(3600) : null);
    }

    @Test
    void approvalTakesAPlaceAndTellsDownstreamWhatTheyPlanWith() {
        for (Registration.Status from : new Registration.Status[] {Registration.Status.PENDING,
                Registration.Status.WAITLISTED, Registration.Status.EXPIRED}) {
            Registration.Transition approval = registration(from).approve();

            assertThat(approval.next().status()).isEqualTo(Registration.Status.APPROVED);
            assertThat(approval.takesPlace()).isTrue();
            assertThat(approval.next().version()).isGreaterThan(3);
            assertThat(approval.events()).containsExactly(
                    new RegistrationApproved(ID, CONFERENCE, "REMOTE", "fr", "en", "Africa/Casablanca", List.of("participant")));
        }
    }

    @Test
    void anOfferHoldsAPlaceUntilAcceptedOrExpired() {
        Instant replyBy = NOW.plusSeconds(48 * 3600);
        Registration.Transition offer = registration(Registration.Status.WAITLISTED).offer(replyBy);

        assertThat(offer.takesPlace()).isTrue();
        assertThat(offer.next().offerReplyBy()).isEqualTo(replyBy);
        assertThat(offer.events()).containsExactly(new RegistrationOfferMade(ID, CONFERENCE, "REMOTE", replyBy));

        Registration.Transition accepted = offer.next().acceptOffer();
        assertThat(accepted.next().status()).isEqualTo(Registration.Status.APPROVED);
        assertThat(accepted.takesPlace()).as("the place was already held by the offer").isFalse();
        assertThat(accepted.releasesPlace()).isFalse();
        assertThat(accepted.event()).isInstanceOf(RegistrationApproved.class);

        Registration.Transition expired = offer.next().expireOffer();
        assertThat(expired.next().status()).isEqualTo(Registration.Status.EXPIRED);
        assertThat(expired.releasesPlace()).isTrue();
        assertThat(expired.events()).containsExactly(new RegistrationOfferExpired(ID, CONFERENCE, "REMOTE"));
    }

    @Test
    void cancellingReleasesAPlaceOnlyWhenOneWasHeld() {
        for (Registration.Status held : new Registration.Status[] {Registration.Status.APPROVED, Registration.Status.OFFERED}) {
            Registration.Transition cancel = registration(held).cancel();
            assertThat(cancel.releasesPlace()).isTrue();
            assertThat(((RegistrationCancelled) cancel.event()).placeReleased()).isTrue();
        }
        Registration.Transition fromPending = registration(Registration.Status.PENDING).cancel();
        assertThat(fromPending.releasesPlace()).isFalse();
        assertThat(((RegistrationCancelled) fromPending.event()).placeReleased()).isFalse();
    }

    @Test
    void finishedRegistrationsRefuseEveryMoveAndEveryChange() {
        for (Registration.Status end : new Registration.Status[] {Registration.Status.REJECTED, Registration.Status.CANCELLED}) {
            for (Function<Registration, Registration.Transition> step : steps()) {
                assertThatThrownBy(() -> step.apply(registration(end))).isInstanceOf(IllegalTransitionException.class);
            }
            assertThatThrownBy(() -> registration(end).changeAttendance(AttendanceMode.IN_PERSON))
                    .isInstanceOf(RegistrationRuleException.class);
            assertThatThrownBy(() -> registration(end).changeRoles(List.of("moderator")))
                    .isInstanceOf(RegistrationRuleException.class);
        }
    }

    @Test
    void approvedRegistrationsCanOnlyBeCancelled() {
        Registration approved = registration(Registration.Status.APPROVED);

        assertThatThrownBy(approved::approve).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> approved.waitlist(NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(approved::reject).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> approved.offer(NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThat(approved.cancel().next().status()).isEqualTo(Registration.Status.CANCELLED);
    }

    @Test
    void waitlistingRecordsTheTurnAndLeavingTheListClearsIt() {
        Registration waiting = registration(Registration.Status.PENDING).waitlist(NOW).next();
        assertThat(waiting.status()).isEqualTo(Registration.Status.WAITLISTED);
        assertThat(waiting.waitlistedAt()).isEqualTo(NOW);
        assertThat(waiting.approve().next().waitlistedAt()).isNull();
        assertThatThrownBy(() -> waiting.waitlist(NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void switchingModeMovesAnApprovedPlaceAndIsAnEvent() {
        Registration.Transition toRoom = registration(Registration.Status.APPROVED).changeAttendance(AttendanceMode.IN_PERSON);

        assertThat(toRoom.next().attendanceMode()).isEqualTo(AttendanceMode.IN_PERSON);
        assertThat(toRoom.takesPlace()).as("still one place, now in the other mode").isFalse();
        assertThat(toRoom.events()).containsExactly(new AttendanceChanged(ID, CONFERENCE, "REMOTE", "IN_PERSON", "APPROVED"));
        assertThat(registration(Registration.Status.APPROVED).changeAttendance(AttendanceMode.REMOTE).changesNothing())
                .isTrue();
        assertThatThrownBy(() -> registration(Registration.Status.OFFERED).changeAttendance(AttendanceMode.IN_PERSON))
                .isInstanceOf(RegistrationRuleException.class);
    }

    @Test
    void anUpdateGathersTheEventsOfEachPartAndAnEmptyOneChangesNothing() {
        Registration approved = registration(Registration.Status.APPROVED);

        Registration.Transition update = approved.update(AttendanceMode.IN_PERSON, "es", null, "Wheelchair access", null);
        assertThat(update.events()).containsExactly(new AttendanceChanged(ID, CONFERENCE, "REMOTE", "IN_PERSON", "APPROVED"),
                new LanguageChanged(ID, CONFERENCE, "es", null));
        assertThat(update.next().accessibilityNeeds()).isEqualTo("Wheelchair access");
        assertThat(update.next().interpretationLanguage()).isNull();

        assertThat(approved.update(null, null, "en", null, "Africa/Casablanca").changesNothing()).isTrue();
        Registration.Transition needsOnly = approved.update(null, null, "en", "Sign language", "Africa/Casablanca");
        assertThat(needsOnly.events()).as("needs stay here: no other service plans with them").isEmpty();
        assertThat(needsOnly.changesNothing()).isFalse();
    }

    @Test
    void rolesAlwaysKeepParticipantAndAChangeIsTheWholeNewSet() {
        Registration.Transition grant = registration(Registration.Status.APPROVED)
                .changeRoles(List.of("rapporteur", "moderator", "moderator"));

        assertThat(grant.next().roles()).containsExactly("moderator", "participant", "rapporteur");
        assertThat(grant.events()).containsExactly(new RolesChanged(ID, CONFERENCE, List.of("moderator", "participant", "rapporteur")));
        assertThat(registration(Registration.Status.APPROVED).changeRoles(List.of()).changesNothing()).isTrue();
    }

    @Test
    void sponsorshipIsDecidedOnlyWhenAsked() {
        Registration.Transition granted = registration(Registration.Status.PENDING)
                .decideSponsorship(Registration.Sponsorship.GRANTED);
        assertThat(granted.next().sponsorship()).isEqualTo(Registration.Sponsorship.GRANTED);
        assertThat(granted.events()).containsExactly(new SponsorshipDecided(ID, CONFERENCE, "GRANTED"));

        Registration notAsked = registration(Registration.Status.PENDING).copy()
                .sponsorship(Registration.Sponsorship.NONE).build();
        assertThatThrownBy(() -> notAsked.decideSponsorship(Registration.Sponsorship.GRANTED))
                .isInstanceOf(RegistrationRuleException.class);
    }

    @Test
    void theStoredFormReadsBackAsTheSameRegistration() {
        for (Registration.Status status : Registration.Status.values()) {
            Registration registration = registration(status);
            assertThat(Registration.fromHash(registration.toHash(), "another-conference")).isEqualTo(registration);
        }
    }

    @Test
    void aRegistrationStoredBeforeRegistrationsHadAConferenceReadsAsTheDefaultConferences() {
        java.util.Map<String, String> stored = new java.util.LinkedHashMap<>(
                registration(Registration.Status.APPROVED).toHash());
        stored.remove("conferenceId");

        assertThat(Registration.fromHash(stored, "local-action-2024").conferenceId()).isEqualTo("local-action-2024");
        assertThat(Registration.fromHash(stored, null).conferenceId()).as("no default conference configured").isNull();
    }

    private static List<Function<Registration, Registration.Transition>> steps() {
        return List.of(Registration::approve, r -> r.waitlist(NOW), Registration::reject, Registration::cancel,
                r -> r.offer(NOW), Registration::expireOffer, Registration::acceptOffer);
    }
}
