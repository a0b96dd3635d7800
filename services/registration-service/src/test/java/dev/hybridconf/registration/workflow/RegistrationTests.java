package dev.hybridconf.registration.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;

/** The review transitions of the aggregate, without any infrastructure. */
class RegistrationTests {

    /** Object mother: a remote participant's registration in the given status. */
    static Registration registration(Registration.Status status) {
        return new Registration("3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1", status, "Fatima Zahra", "fz@rabat.ma",
                "Commune de Rabat", "MA", AttendanceMode.REMOTE, "fr", Instant.parse("2026-11-23T09:00:00Z"));
    }

    @Test
    void pendingAndWaitlistedRegistrationsCanBeApprovedAndTakeAPlace() {
        for (Registration.Status from : new Registration.Status[] {Registration.Status.PENDING, Registration.Status.WAITLISTED}) {
            Registration.Transition approval = registration(from).approve();

            assertThat(approval.next().status()).isEqualTo(Registration.Status.APPROVED);
            assertThat(approval.takesPlace()).isTrue();
            assertThat(approval.event()).isEqualTo(new RegistrationApproved(
                    "3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1", "REMOTE", "fr", null, null, List.of("participant")));
        }
    }

    @Test
    void onlyCancellingAnApprovedRegistrationReleasesAPlace() {
        Registration.Transition fromApproved = registration(Registration.Status.APPROVED).cancel();
        Registration.Transition fromPending = registration(Registration.Status.PENDING).cancel();

        assertThat(fromApproved.releasesPlace()).isTrue();
        assertThat(((RegistrationCancelled) fromApproved.event()).placeReleased()).isTrue();
        assertThat(fromPending.releasesPlace()).isFalse();
    }

    @Test
    void finishedRegistrationsRefuseEveryMove() {
        for (Registration.Status end : new Registration.Status[] {Registration.Status.REJECTED, Registration.Status.CANCELLED}) {
            for (Function<Registration, Registration.Transition> step : steps()) {
                assertThatThrownBy(() -> step.apply(registration(end))).isInstanceOf(IllegalTransitionException.class);
            }
        }
    }

    @Test
    void approvedRegistrationsCanOnlyBeCancelled() {
        Registration approved = registration(Registration.Status.APPROVED);

        assertThatThrownBy(approved::approve).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(approved::waitlist).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(approved::reject).isInstanceOf(IllegalTransitionException.class);
        assertThat(approved.cancel().next().status()).isEqualTo(Registration.Status.CANCELLED);
    }

    @Test
    void onlyPendingRegistrationsGoOnTheWaitlist() {
        assertThat(registration(Registration.Status.PENDING).waitlist().next().status())
                .isEqualTo(Registration.Status.WAITLISTED);
        assertThatThrownBy(() -> registration(Registration.Status.WAITLISTED).waitlist())
                .isInstanceOf(IllegalTransitionException.class);
    }

    private static List<Function<Registration, Registration.Transition>> steps() {
        return List.of(Registration::approve, Registration::waitlist, Registration::reject, Registration::cancel);
    }
}
