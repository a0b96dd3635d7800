package dev.hybridconf.interpretation.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import dev.hybridconf.interpretation.planning.SolveLimits;
import dev.hybridconf.interpretation.planning.SolveProgress;
import dev.hybridconf.interpretation.planning.StaffingPlanner;
import dev.hybridconf.interpretation.planning.StaffingProblem;
import dev.hybridconf.interpretation.planning.StaffingSolution;
import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.LeaseLostException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Solves conferences' plans in the background, one solve per conference at a time across replicas.
 *
 * <p>A solve holds the kit's lease {@code plan-solve:<conference>} from the request that starts it to its end,
 * renewed while it runs. It runs on a bounded pool ({@code interpretation.solver.threads}, with a queue of
 * {@code interpretation.solver.queue}; beyond that the request is answered 503). Its progress (status, start, limit,
 * best score) is in Redis, so any replica answers for it; the running solve writes it every
 * {@code progress-interval} and checks its lease then. A solve that lost its lease (another replica was given the
 * conference: this one could not renew in time) is stopped (its thread interrupted, and the solver's next progress
 * report refused) and records {@code FAILED} unless the new holder has written its own progress already; its result,
 * if it still came, cannot land: the draft's write is fenced by the lease.
 *
 * <p>A decline asks for a replan by setting {@code plan:<c>:replan} and trying to start a solve; if one runs, the
 * running solve starts the replan when it ends (it releases its lease before looking at the flag, so the request and
 * the solve cannot both miss it). A solve clears the flag before it reads the problem.
 */
@Service
class PlanSolves implements DisposableBean {

    static final String REQUESTED = "REQUESTED";
    static final String DECLINE = "DECLINE";

    private static final Logger log = LoggerFactory.getLogger(PlanSolves.class);

    private final PlanStore store;
    private final PlanKeys keys;
    private final Leases leases;
    private final PlanConferences conferences;
    private final StaffingProblems problems;
    private final StaffingPlanner planner;
    private final PlanProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService ticker;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    PlanSolves(PlanStore store, Leases leases, PlanConferences conferences, StaffingProblems problems,
            StaffingPlanner planner, PlanProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.keys = store.keys();
        this.leases = leases;
        this.conferences = conferences;
        this.problems = problems;
        this.planner = planner;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queue()), task -> {
                    Thread thread = new Thread(task, "plan-solver-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "plan-solve-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts a solve of the conference, in the background.
     *
     * @param limit how long it may run; null for the configured {@code time-limit}
     * @throws SolveRunningException when one runs for the conference (on any replica)
     * @throws SolverBusyException   when this replica's solver pool and queue are full
     */
    SolveState start(String conferenceId, String reason, Duration limit) {
        conferences.require(conferenceId);
        Optional<Lease> taken = leases.tryAcquire(PlanKeys.leaseName(conferenceId), properties.leaseTtl());
        if (taken.isEmpty()) {
            throw new SolveRunningException(conferenceId, progress(conferenceId));
        }
        Lease lease = taken.get();
        SolveState state = SolveState.running(lease.token(), reason, clock.instant(),
                limit == null ? properties.timeLimit() : limit, properties.unimproved());
        try {
            store.redis().atomically().requireFence(lease).delete(keys.solve(conferenceId))
                    .hset(keys.solve(conferenceId), state.fields()).execute();
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
        // Renewed from now on: a solve waiting in the queue keeps the conference too.
        lease.keepRenewed();
        Running solve = new Running(conferenceId, lease, state);
        running.put(conferenceId, solve);
        try {
            executor.execute(() -> run(solve));
        } catch (RejectedExecutionException busy) {
            running.remove(conferenceId, solve);
            failed(solve, "busy");
            lease.release();
            count("busy");
            throw new SolverBusyException();
        }
        return state;
    }

    /** The conference's last or running solve, as any replica sees it. */
    SolveState progress(String conferenceId) {
        SolveState state = SolveState.from(store.redis().redis().hgetAll(keys.solve(conferenceId)));
        if (state.status() == SolveState.Status.RUNNING && !store.redis().redis().exists(keys.lease(conferenceId))) {
            // Its replica went away without a word (its lease lapsed and nobody solves): it will never end.
            return state.abandoned();
        }
        return state;
    }

    /**
     * Starts the replan a decline asked for, unless a solve runs (it starts the replan when it ends) or none was
     * asked for.
     */
    void replanIfAsked(String conferenceId) {
        if (!store.redis().redis().exists(keys.replan(conferenceId))) {
            return;
        }
        try {
            start(conferenceId, DECLINE, null);
        } catch (SolveRunningException runningMeanwhile) {
            log.debug("Replan of {} left to the solve that runs", conferenceId);
        } catch (ProblemException refused) {
            log.warn("Replan of {} not started: {}", conferenceId, refused.slug());
        }
    }

    Duration timeLimit() {
        return properties.timeLimit();
    }

    Duration maxTimeLimit() {
        return properties.maxTimeLimit();
    }

    private void run(Running solve) {
        String conferenceId = solve.conferenceId;
        solve.started = true;
        solve.bind(Thread.currentThread());
        long every = properties.progressInterval().toMillis();
        ScheduledFuture<?> tick = ticker.scheduleAtFixedRate(() -> tick(solve), every, every, TimeUnit.MILLISECONDS);
        try {
            if (solve.stopping) {
                failed(solve, "stopped");
                return;
            }
            // The problem read next holds every decline written before this point.
            store.redis().atomically().requireFence(solve.lease).delete(keys.replan(conferenceId)).execute();
            StaffingProblem problem = problems.build(conferenceId);
            SolveLimits limits = new SolveLimits(solve.state.limit(), solve.state.unimproved());
            StaffingSolution solution = planner.solve(problem, limits, solve::report);
            solve.unbind();
            if (solve.lost || !solve.lease.held()) {
                failed(solve, "lease-lost");
                return;
            }
            if (solve.stopping) {
                failed(solve, "stopped");
                return;
            }
            finish(solve, problem, solution);
        } catch (LeaseLostException lost) {
            solve.unbind();
            failed(solve, "lease-lost");
        } catch (RuntimeException e) {
            solve.unbind();
            String failure = solve.lost ? "lease-lost" : solve.stopping ? "stopped" : "error";
            if ("error".equals(failure)) {
                log.error("Solving the plan of {} failed", conferenceId, e);
            }
            failed(solve, failure);
        } finally {
            tick.cancel(false);
            solve.unbind();
            running.remove(conferenceId, solve);
            solve.lease.release();
        }
        if (!solve.stopping) {
            replanIfAsked(conferenceId);
        }
    }

    private void finish(Running solve, StaffingProblem problem, StaffingSolution solution) {
        String conferenceId = solve.conferenceId;
        Instant now = clock.instant();
        List<Draft.DraftSession> sessions = problem.sessions().stream()
                .map(s -> new Draft.DraftSession(s.sessionId(), s.start(), s.end(), s.room())).toList();
        Draft draft = Draft.of(UUID.randomUUID().toString(), conferenceId, now,
                NeedsFingerprint.of(problem.sessions()), solution, sessions);
        AtomicWrite write = store.redis().atomically().requireFence(solve.lease)
                .requireField(keys.solve(conferenceId), "token", Long.toString(solve.lease.token()),
                        () -> new LeaseLostException(solve.lease.name()));
        store.writeDraft(write, draft);
        write.hset(keys.solve(conferenceId), Map.of("status", SolveState.Status.DONE.name(),
                "finishedAt", now.toString()));
        if (solution.score() != null) {
            write.hset(keys.solve(conferenceId), SolveState.score(solution.score()));
        }
        write.execute();
        count("done");
        log.info("Solved the plan of {}: {} in {}", conferenceId, solution.score(),
                Duration.between(solve.state.startedAt(), now));
    }

    /** Writes the best score so far, and stops the solve when its lease is gone. */
    private void tick(Running solve) {
        try {
            if (!solve.lease.held()) {
                solve.lose();
                return;
            }
            SolveProgress best = solve.best;
            if (best == null || best == solve.written) {
                return;
            }
            store.redis().atomically().requireFence(solve.lease)
                    .requireField(keys.solve(solve.conferenceId), "token", Long.toString(solve.lease.token()),
                            () -> new LeaseLostException(solve.lease.name()))
                    .requireField(keys.solve(solve.conferenceId), "status", SolveState.Status.RUNNING.name(),
                            () -> new LeaseLostException(solve.lease.name()))
                    .hset(keys.solve(solve.conferenceId), SolveState.score(best.bestScore()))
                    .execute();
            solve.written = best;
        } catch (LeaseLostException lost) {
            solve.lose();
        } catch (RuntimeException e) {
            log.warn("Progress of the solve of {} not written: {}", solve.conferenceId, e.toString());
        }
    }

    /** Records the solve FAILED, unless another holder's solve has written its own progress since. */
    private void failed(Running solve, String failure) {
        String conferenceId = solve.conferenceId;
        Thread.interrupted();
        try {
            AtomicWrite write = store.redis().atomically()
                    .requireField(keys.solve(conferenceId), "token", Long.toString(solve.lease.token()),
                            () -> new LeaseLostException(solve.lease.name()))
                    .hset(keys.solve(conferenceId), Map.of("status", SolveState.Status.FAILED.name(),
                            "finishedAt", clock.instant().toString(), "failure", failure));
            SolveProgress best = solve.best;
            if (best != null) {
                write.hset(keys.solve(conferenceId), SolveState.score(best.bestScore()));
            }
            write.execute();
        } catch (LeaseLostException newerSolve) {
            log.info("The solve of {} (token {}) stopped ({}); a newer solve's progress stands", conferenceId,
                    solve.lease.token(), failure);
        } catch (RuntimeException e) {
            log.warn("The failure of the solve of {} ({}) was not recorded: {}", conferenceId, failure, e.toString());
        }
        count(failure);
    }

    private void count(String outcome) {
        meters.counter("interpretation.plan.solves", "outcome", outcome).increment();
    }

    /**
     * Stops every solve of this replica: running ones are interrupted and record {@code FAILED} ({@code stopped}),
     * queued ones too; their leases are released so another replica can solve at once.
     */
    @Override
    public void destroy() throws InterruptedException {
        running.values().forEach(Running::stop);
        List<Runnable> queued = executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        ticker.shutdownNow();
        if (!queued.isEmpty()) {
            for (Running solve : List.copyOf(running.values())) {
                if (!solve.started) {
                    failed(solve, "stopped");
                    solve.lease.release();
                }
            }
        }
    }

    /** One solve of this replica. */
    private static final class Running {

        final String conferenceId;
        final Lease lease;
        final SolveState state;
        volatile SolveProgress best;
        volatile SolveProgress written;
        volatile boolean lost;
        volatile boolean stopping;
        volatile boolean started;
        private Thread thread;

        Running(String conferenceId, Lease lease, SolveState state) {
            this.conferenceId = conferenceId;
            this.lease = lease;
            this.state = state;
        }

        /** The solver's report of a new best plan, on its thread: refused once this solve must stop. */
        void report(SolveProgress progress) {
            if (lost || stopping) {
                throw new SolveAbandoned();
            }
            best = progress;
        }

        synchronized void bind(Thread worker) {
            thread = worker;
        }

        synchronized void unbind() {
            thread = null;
        }

        /** The lease is gone: stop the solver now (interrupt) or at its next report. */
        synchronized void lose() {
            lost = true;
            if (thread != null) {
                thread.interrupt();
            }
        }

        synchronized void stop() {
            stopping = true;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /** Thrown into the solver from its progress callback to stop it. */
    static final class SolveAbandoned extends RuntimeException {

        SolveAbandoned() {
            super("the solve lost its lease or its replica is stopping", null, false, false);
        }
    }
}
