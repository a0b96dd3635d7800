package dev.hybridconf.interpretation.planning;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * The planner on Timefold Solver (ADR 0019): builds the booths and seats of a problem, pins what was
 * published, searches (construction heuristic, then local search) until the limits stop it, and reads the
 * best plan back with its violations, explained gaps, hiring suggestions and turn plans. Thread-safe: the
 * solver factory is shared, each call builds its own solver and plan.
 */
@Component
public class TimefoldStaffingPlanner implements StaffingPlanner {

    private static final Logger log = LoggerFactory.getLogger(TimefoldStaffingPlanner.class);
    /** The longest a solve runs when the caller sets no limit. */
    static final Duration DEFAULT_SPENT = Duration.ofMinutes(5);
    /** Stops solves that stopped improving (one daemon thread for every solve of the process). */
    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "staffing-planner-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final Norms norms;
    private final SolverFactory<StaffingSchedule> solverFactory;
    private final SolutionManager<StaffingSchedule, HardMediumSoftScore> solutionManager;

    @Autowired
    public TimefoldStaffingPlanner(Norms norms) {
        this(norms, SolverTuning.PRODUCTION);
    }

    TimefoldStaffingPlanner(Norms norms, SolverTuning tuning) {
        this.norms = norms == null ? Norms.AIIC : norms;
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig();
        if (tuning.unimprovedSteps() != null || tuning.moves() != null) {
            localSearch.setTerminationConfig(new TerminationConfig()
                    .withUnimprovedStepCountLimit(tuning.unimprovedSteps())
                    .withMoveCountLimit(tuning.moves()));
        }
        SolverConfig config = new SolverConfig()
                .withSolutionClass(StaffingSchedule.class)
                .withEntityClasses(Seat.class)
                .withConstraintProviderClass(StaffingConstraints.class)
                .withEnvironmentMode(tuning.environmentMode())
                .withRandomSeed(tuning.randomSeed())
                .withPhases(new ConstructionHeuristicPhaseConfig()
                        .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT), localSearch)
                .withTerminationSpentLimit(DEFAULT_SPENT);
        this.solverFactory = SolverFactory.create(config);
        this.solutionManager = SolutionManager.create(solverFactory);
    }

    @Override
    public StaffingSolution solve(StaffingProblem problem, SolveLimits limits, Consumer<SolveProgress> progress) {
        long started = System.nanoTime();
        StaffingSchedule schedule = ScheduleBuilder.build(problem, norms);
        AtomicReference<Duration> feasibleAt = new AtomicReference<>();
        StaffingSchedule best = schedule;
        if (schedule.seats().stream().anyMatch(seat -> !seat.pinned())) {
            Solver<StaffingSchedule> solver = solverFactory.buildSolver(
                    new SolverConfigOverride<StaffingSchedule>().withTerminationConfig(termination(limits)));
            AtomicLong lastImprovement = new AtomicLong(System.nanoTime());
            // The solver first reports the plan it starts from (pins only, every other seat empty): feasible, but
            // not a plan yet. The first feasible plan counts from the construction heuristic's, whose seats are
            // all decided.
            HardMediumSoftScore initial = solutionManager.update(schedule);
            AtomicBoolean startReported = new AtomicBoolean();
            solver.addEventListener(event -> {
                Duration elapsed = since(started);
                HardMediumSoftScore score = (HardMediumSoftScore) event.getNewBestScore();
                lastImprovement.set(System.nanoTime());
                boolean start = score.equals(initial) && startReported.compareAndSet(false, true);
                if (score.isFeasible() && !start) {
                    feasibleAt.compareAndSet(null, elapsed);
                }
                report(progress, new SolveProgress(elapsed, planScore(score)));
            });
            ScheduledFuture<?> watch = null;
            if (limits != null && limits.unimproved() != null) {
                long unimproved = limits.unimproved().toNanos();
                long period = Math.max(10, Math.min(500, limits.unimproved().toMillis() / 10));
                watch = WATCH.scheduleAtFixedRate(() -> {
                    // armed once a feasible plan exists (a better one never loses feasibility)
                    if (feasibleAt.get() != null && System.nanoTime() - lastImprovement.get() >= unimproved) {
                        solver.terminateEarly();
                    }
                }, period, period, TimeUnit.MILLISECONDS);
            }
            try {
                best = solver.solve(schedule);
            } finally {
                if (watch != null) {
                    watch.cancel(false);
                }
            }
        }
        PlanReader.tidy(best);
        PlanReader.fillFreeSeats(best);
        HardMediumSoftScore score = solutionManager.update(best);
        Duration spent = since(started);
        if (score.isFeasible()) {
            feasibleAt.compareAndSet(null, spent);
        }
        return PlanReader.read(best, planScore(score), spent, feasibleAt.get());
    }

    /**
     * The solver stops itself after {@code spent}; the planner's watch stops it earlier once the best plan is
     * feasible and has not improved for {@code unimproved} (Timefold's own unimproved termination cannot wait for
     * feasibility without cutting the construction heuristic short).
     */
    static TerminationConfig termination(SolveLimits limits) {
        Duration spent = limits == null || limits.spent() == null ? DEFAULT_SPENT : limits.spent();
        return new TerminationConfig().withSpentLimit(spent);
    }

    /** The score breakdown of a plan as the solver's constraints see it (for tests and diagnostics). */
    SolutionManager<StaffingSchedule, HardMediumSoftScore> solutionManager() {
        return solutionManager;
    }

    Norms norms() {
        return norms;
    }

    static PlanScore planScore(HardMediumSoftScore score) {
        return new PlanScore(score.hardScore(), score.mediumScore(), score.softScore());
    }

    private static void report(Consumer<SolveProgress> progress, SolveProgress update) {
        if (progress == null) {
            return;
        }
        try {
            progress.accept(update);
        } catch (RuntimeException e) {
            // A listener's failure must not stop the solve.
            log.warn("Progress listener failed: {}", e.toString());
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
