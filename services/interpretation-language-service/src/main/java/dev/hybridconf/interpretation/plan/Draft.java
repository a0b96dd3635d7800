package dev.hybridconf.interpretation.plan;

import java.time.Instant;
import java.util.List;

import dev.hybridconf.interpretation.planning.PlanScore;
import dev.hybridconf.interpretation.planning.StaffingSolution;
import dev.hybridconf.interpretation.planning.StaffingSolution.BoothPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.Gap;
import dev.hybridconf.interpretation.planning.StaffingSolution.HiringSuggestion;
import dev.hybridconf.interpretation.planning.StaffingSolution.Violation;

/**
 * The plan the last solve left (stored, never answered as it is): a draft until an organiser publishes it.
 *
 * @param id               changes with every solve; publication checks it did not change meanwhile
 * @param needsFingerprint what the sessions needed when it was solved (see {@link NeedsFingerprint}), so the views can
 *                         say the needs moved since
 * @param sessions         when and where each session ran when it was solved
 */
record Draft(
        String id,
        String conferenceId,
        Instant solvedAt,
        String needsFingerprint,
        PlanScore score,
        List<BoothPlan> booths,
        List<Violation> violations,
        List<Gap> gaps,
        List<HiringSuggestion> hiring,
        long spentMillis,
        Long timeToFeasibleMillis,
        List<DraftSession> sessions) {

    Draft {
        booths = booths == null ? List.of() : List.copyOf(booths);
        violations = violations == null ? List.of() : List.copyOf(violations);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        hiring = hiring == null ? List.of() : List.copyOf(hiring);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** A session as it was when the draft was solved. */
    record DraftSession(String sessionId, Instant start, Instant end, String room) {
    }

    static Draft of(String id, String conferenceId, Instant solvedAt, String fingerprint, StaffingSolution solution,
            List<DraftSession> sessions) {
        return new Draft(id, conferenceId, solvedAt, fingerprint, solution.score(), solution.booths(),
                solution.violations(), solution.gaps(), solution.hiring(),
                solution.spent() == null ? 0 : solution.spent().toMillis(),
                solution.timeToFeasible() == null ? null : solution.timeToFeasible().toMillis(), sessions);
    }

    /** Rules the plan breaks: a plan with any is published only when the organiser overrides. */
    int hardViolations() {
        return Math.max(violations.size(), score != null && score.hard() < 0 ? 1 : 0);
    }
}
