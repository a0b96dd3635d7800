package dev.hybridconf.interpretation.planning;

import static dev.hybridconf.interpretation.planning.Problems.LIMITS;
import static dev.hybridconf.interpretation.planning.Problems.channel;
import static dev.hybridconf.interpretation.planning.Problems.interpreter;
import static dev.hybridconf.interpretation.planning.Problems.planner;
import static dev.hybridconf.interpretation.planning.Problems.problem;
import static dev.hybridconf.interpretation.planning.Problems.seats;
import static dev.hybridconf.interpretation.planning.Problems.session;
import static dev.hybridconf.interpretation.planning.Problems.withPartners;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.roster.WorkMode;

/** The soft preferences decide between plans that keep every rule and fill as many seats. */
class SoftPreferenceTests {

    private static final List<String> EN = List.of("en");

    @Test
    void onSiteBeforeRemoteInABoothThatServesTheRoom() {
        StaffingSolution solution = planner().solve(problem(
                List.of(session("hybrid", "09:00", "09:30", "Hall", EN, false, channel("fr", Delivery.BOTH))),
                List.of(interpreter("remy", WorkMode.REMOTE, "fr-A", "en-B"),
                        interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B"))), LIMITS, update -> { });

        assertThat(seats(solution, "hybrid", "fr")).containsExactly("amelie");
    }

    @Test
    void preferredPartnersShareABooth() {
        StaffingSolution solution = planner().solve(problem(
                List.of(session("hour", "09:00", "10:00", "Hall", EN, false, channel("fr", Delivery.ROOM))),
                List.of(withPartners(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B"), "claire"),
                        interpreter("bruno", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("claire", WorkMode.ON_SITE, "fr-A", "en-B"))), LIMITS, update -> { });

        assertThat(seats(solution, "hour", "fr")).containsExactly("amelie", "claire");
        assertThat(solution.score()).isEqualTo(new PlanScore(0, 0, -2)); // even load only: 1 h each, 1² + 1²
    }

    @Test
    void theSameTeamInOneRoomThroughTheDay() {
        // one person for both short sessions in Room A costs 1 (one hour, squared); two people cost 10 (a second team)
        StaffingSolution solution = planner().solve(problem(
                List.of(session("first", "09:00", "09:30", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("second", "11:00", "11:30", "Room A", EN, false, channel("fr", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("bruno", WorkMode.ON_SITE, "fr-A", "en-B"))), LIMITS, update -> { });

        assertThat(seats(solution, "first", "fr")).isEqualTo(seats(solution, "second", "fr"));
        assertThat(solution.score()).isEqualTo(new PlanScore(0, 0, -1));
    }

    @Test
    void evenLoadAcrossRooms() {
        // in different rooms nothing ties the sessions together, so the work is shared
        StaffingSolution solution = planner().solve(problem(
                List.of(session("first", "09:00", "10:00", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("second", "11:00", "12:00", "Room B", EN, false, channel("fr", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("bruno", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("claire", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("denis", WorkMode.ON_SITE, "fr-A", "en-B"))), LIMITS, update -> { });

        assertThat(solution.score()).isEqualTo(new PlanScore(0, 0, -4));
    }

    @Test
    void relayOnlyWhereNeeded() {
        // Aziz works Arabic from French only, Farida from English too: with one seat, Farida gets it
        StaffingSolution solution = planner().solve(problem(
                List.of(session("plenary", "09:00", "09:30", "Hall", EN, true,
                        channel("fr", Delivery.ROOM), channel("ar", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("bruno", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("aziz", WorkMode.ON_SITE, "ar-A", "fr-B"),
                        interpreter("farida", WorkMode.ON_SITE, "ar-A", "fr-B", "en-C"))), LIMITS, update -> { });

        assertThat(seats(solution, "plenary", "ar")).containsExactly("farida");
        assertThat(solution.score().soft()).isZero();
    }
}
