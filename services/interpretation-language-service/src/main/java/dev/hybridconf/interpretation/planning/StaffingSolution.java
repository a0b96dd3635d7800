package dev.hybridconf.interpretation.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.roster.LanguageSkill;
import dev.hybridconf.interpretation.roster.WorkMode;

/**
 * The solver's best plan: every booth with its seats (an empty seat is a gap), the rules a seat still
 * breaks, each gap with the reason every candidate was excluded, and hiring suggestions that add up
 * to the gaps.
 *
 * @param timeToFeasible how long the solver took to reach a plan with no hard rule broken, or null if it never did
 */
public record StaffingSolution(
        PlanScore score,
        List<BoothPlan> booths,
        List<Violation> violations,
        List<Gap> gaps,
        List<HiringSuggestion> hiring,
        Duration spent,
        Duration timeToFeasible) {

    public StaffingSolution {
        booths = List.copyOf(booths);
        violations = List.copyOf(violations);
        gaps = List.copyOf(gaps);
        hiring = List.copyOf(hiring);
    }

    /**
     * One booth (or sign-language team): into {@code language} for one session.
     *
     * @param sources   what it works from: the floor languages other than its own, or the pivot when on relay
     * @param relayFrom the pivot language when it works from another booth, else null
     * @param givesRelay whether another booth of the session works from it
     * @param turns     who is on the microphone when (turns of about 30 min, 20 in a team of three)
     */
    public record BoothPlan(String sessionId, String language, boolean sign, Delivery delivery, List<String> sources,
            String relayFrom, boolean givesRelay, int teamSize, List<SeatPlan> seats, List<Turn> turns) {

        public BoothPlan {
            sources = List.copyOf(sources);
            seats = List.copyOf(seats);
            turns = List.copyOf(turns);
        }

        public boolean covered() {
            return seats.stream().allMatch(seat -> seat.interpreterId() != null);
        }
    }

    /** A seat of a booth (0-based), its interpreter (null: a gap) and whether it was pinned by a publication. */
    public record SeatPlan(int seat, String interpreterId, boolean pinned) {
    }

    /** One turn on the microphone. */
    public record Turn(String interpreterId, Instant from, Instant to) {
    }

    /**
     * A rule a plan breaks.
     *
     * @param rule a stable rule code (e.g. {@code competence}, {@code availability}, {@code overlap},
     *             {@code daily-blocks}, {@code daily-hours}, {@code block-length}, {@code rest}, {@code room-change},
     *             {@code remote-in-room}, {@code relay-givers}, {@code declined})
     */
    public record Violation(String rule, String sessionId, String language, String interpreterId) {
    }

    /** An empty seat and, for every interpreter on the roster, the first rule that kept them out of it. */
    public record Gap(String sessionId, String language, int seat, List<Exclusion> candidates) {

        public Gap {
            candidates = List.copyOf(candidates);
        }
    }

    /** Why one interpreter could not take a seat: a rule code as in {@link Violation}, or {@code busy} (placed elsewhere). */
    public record Exclusion(String interpreterId, String rule) {
    }

    /**
     * Whom to hire: {@code interpreters} people with {@code profile} (e.g. Spanish A and English B), on
     * {@code day} from {@code from} to {@code to} (conference time), on site in {@code room} or remote;
     * {@code gaps} are the seats it fills (their number equals {@code interpreters} × booths covered).
     */
    public record HiringSuggestion(List<LanguageSkill> profile, LocalDate day, LocalTime from, LocalTime to,
            WorkMode mode, String room, int interpreters, List<Gap> gaps) {

        public HiringSuggestion {
            profile = List.copyOf(profile);
            gaps = List.copyOf(gaps);
        }
    }
}
