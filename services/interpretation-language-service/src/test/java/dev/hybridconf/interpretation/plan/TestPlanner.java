package dev.hybridconf.interpretation.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.planning.PlanScore;
import dev.hybridconf.interpretation.planning.SolveLimits;
import dev.hybridconf.interpretation.planning.SolveProgress;
import dev.hybridconf.interpretation.planning.StaffingPlanner;
import dev.hybridconf.interpretation.planning.StaffingProblem;
import dev.hybridconf.interpretation.planning.StaffingSolution;
import dev.hybridconf.interpretation.planning.StaffingSolution.BoothPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.Exclusion;
import dev.hybridconf.interpretation.planning.StaffingSolution.Gap;
import dev.hybridconf.interpretation.planning.StaffingSolution.HiringSuggestion;
import dev.hybridconf.interpretation.planning.StaffingSolution.SeatPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.Turn;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.LanguageClass;
import dev.hybridconf.interpretation.roster.LanguageSkill;
import dev.hybridconf.interpretation.roster.WorkMode;

/**
 * A small deterministic planner for the plan's tests (the real one is Timefold's, in {@code planning}): pinned seats
 * first, then each empty seat in session order to the first interpreter on the roster who can take it (competence for
 * the direction, availability, not remote in a room-only channel, not declined there, not busy at that time); an
 * empty seat is a gap whose candidates each carry the first rule that kept them out, and one hiring suggestion per
 * gap. Score: 0 hard, minus one medium per gap.
 *
 * <p>Tests can hold it ({@link #hold()}: it reports a progress every 20 ms until {@link #release()} or until its thread
 * is interrupted), script its answer ({@link #script}), and read the problems and limits it was given.
 */
public class TestPlanner implements StaffingPlanner {

    public record Call(StaffingProblem problem, SolveLimits limits) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate;
    private volatile Function<StaffingProblem, StaffingSolution> script;

    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** Answers with {@code script} instead of planning (null: plan again). */
    public void script(Function<StaffingProblem, StaffingSolution> script) {
        this.script = script;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String conferenceId) {
        return calls.stream().filter(c -> c.problem().conferenceId().equals(conferenceId)).toList();
    }

    @Override
    public StaffingSolution solve(StaffingProblem problem, SolveLimits limits, Consumer<SolveProgress> progress) {
        calls.add(new Call(problem, limits));
        long started = System.nanoTime();
        CountDownLatch held = gate;
        if (held != null) {
            try {
                while (!held.await(20, TimeUnit.MILLISECONDS)) {
                    progress.accept(new SolveProgress(Duration.ofNanos(System.nanoTime() - started),
                            new PlanScore(-1, -3, 0)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held");
            }
        }
        Function<StaffingProblem, StaffingSolution> scripted = script;
        StaffingSolution solution = scripted != null ? scripted.apply(problem) : plan(problem);
        progress.accept(new SolveProgress(Duration.ofNanos(System.nanoTime() - started), solution.score()));
        return solution;
    }

    static StaffingSolution plan(StaffingProblem problem) {
        Map<String, List<Instant[]>> busy = new HashMap<>();
        Set<String> declined = new HashSet<>();
        problem.declines().forEach(d -> declined.add(d.sessionId() + "|" + d.language() + "|" + d.interpreterId()));
        Map<String, InterpreterProfile> people = new HashMap<>();
        problem.interpreters().forEach(p -> people.put(p.interpreterId(), p));
        Map<String, String[]> seats = new HashMap<>();
        Map<String, Set<Integer>> pinned = new HashMap<>();
        List<SessionNeed> sessions = problem.sessions().stream()
                .sorted((a, b) -> a.start().compareTo(b.start()) != 0 ? a.start().compareTo(b.start())
                        : a.sessionId().compareTo(b.sessionId())).toList();
        for (SessionNeed session : sessions) {
            for (ChannelNeed channel : session.channels()) {
                String booth = session.sessionId() + "|" + channel.language();
                seats.put(booth, new String[problem.norms().teamSize(session.length(), false)]);
            }
        }
        for (StaffingProblem.Pin pin : problem.pins()) {
            String booth = pin.sessionId() + "|" + pin.language();
            String[] team = seats.get(booth);
            SessionNeed session = sessions.stream().filter(s -> s.sessionId().equals(pin.sessionId())).findFirst()
                    .orElse(null);
            if (team != null && pin.seat() < team.length && people.containsKey(pin.interpreterId())
                    && !declined.contains(booth + "|" + pin.interpreterId())) {
                team[pin.seat()] = pin.interpreterId();
                pinned.computeIfAbsent(booth, k -> new HashSet<>()).add(pin.seat());
                busy.computeIfAbsent(pin.interpreterId(), k -> new ArrayList<>())
                        .add(new Instant[] {session.start(), session.end()});
            }
        }
        List<BoothPlan> booths = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        List<HiringSuggestion> hiring = new ArrayList<>();
        for (SessionNeed session : sessions) {
            for (ChannelNeed channel : session.channels()) {
                String booth = session.sessionId() + "|" + channel.language();
                String[] team = seats.get(booth);
                for (int seat = 0; seat < team.length; seat++) {
                    if (team[seat] != null) {
                        continue;
                    }
                    List<Exclusion> candidates = new ArrayList<>();
                    for (InterpreterProfile person : problem.interpreters()) {
                        String rule = exclusion(problem, session, channel, person, team, declined, busy);
                        if (rule == null && team[seat] == null) {
                            team[seat] = person.interpreterId();
                            busy.computeIfAbsent(person.interpreterId(), k -> new ArrayList<>())
                                    .add(new Instant[] {session.start(), session.end()});
                        } else {
                            candidates.add(new Exclusion(person.interpreterId(), rule == null ? "busy" : rule));
                        }
                    }
                    if (team[seat] == null) {
                        Gap gap = new Gap(session.sessionId(), channel.language(), seat, candidates);
                        gaps.add(gap);
                        ZonedDateTime from = session.start().atZone(problem.timeZone());
                        ZonedDateTime to = session.end().atZone(problem.timeZone());
                        List<LanguageSkill> profile = new ArrayList<>();
                        profile.add(new LanguageSkill(channel.language(), LanguageClass.A, false));
                        session.floorLanguages().stream().filter(f -> !f.equals(channel.language())).findFirst()
                                .ifPresent(f -> profile.add(new LanguageSkill(f, LanguageClass.B, false)));
                        hiring.add(new HiringSuggestion(profile, session.day(), from.toLocalTime(), to.toLocalTime(),
                                channel.delivery().onZoom() && session.room() == null ? WorkMode.REMOTE
                                        : WorkMode.ON_SITE,
                                session.room(), 1, List.of(gap)));
                    }
                }
                List<SeatPlan> seatPlans = new ArrayList<>();
                Set<Integer> pins = pinned.getOrDefault(booth, Set.of());
                for (int seat = 0; seat < team.length; seat++) {
                    seatPlans.add(new SeatPlan(seat, team[seat], pins.contains(seat)));
                }
                List<String> sources = session.floorLanguages().stream().filter(f -> !f.equals(channel.language()))
                        .toList();
                booths.add(new BoothPlan(session.sessionId(), channel.language(), channel.sign(), channel.delivery(),
                        sources, null, false, team.length, seatPlans, turns(session, team, problem)));
            }
        }
        return new StaffingSolution(new PlanScore(0, -gaps.size(), 0), booths, List.of(), gaps, hiring,
                Duration.ofMillis(1), Duration.ofMillis(1));
    }

    private static String exclusion(StaffingProblem problem, SessionNeed session, ChannelNeed channel,
            InterpreterProfile person, String[] team, Set<String> declined, Map<String, List<Instant[]>> busy) {
        if (declined.contains(session.sessionId() + "|" + channel.language() + "|" + person.interpreterId())) {
            return "declined";
        }
        boolean competent = session.floorLanguages().stream()
                .anyMatch(floor -> person.canInterpret(floor, channel.language()));
        if (!competent) {
            return "competence";
        }
        LocalTime start = session.start().atZone(problem.timeZone()).toLocalTime();
        LocalTime end = session.end().atZone(problem.timeZone()).toLocalTime();
        boolean available = person.availability().stream()
                .anyMatch(a -> a.day().equals(session.day()) && a.part().covers(start, end, false));
        if (!available) {
            return "availability";
        }
        if (person.mode() == WorkMode.REMOTE && !channel.delivery().onZoom()) {
            return "remote-in-room";
        }
        for (String seated : team) {
            if (person.interpreterId().equals(seated)) {
                return "busy";
            }
        }
        for (Instant[] taken : busy.getOrDefault(person.interpreterId(), List.of())) {
            if (taken[0].isBefore(session.end()) && session.start().isBefore(taken[1])) {
                return "busy";
            }
        }
        return null;
    }

    private static List<Turn> turns(SessionNeed session, String[] team, StaffingProblem problem) {
        List<String> seated = new ArrayList<>();
        for (String id : team) {
            if (id != null) {
                seated.add(id);
            }
        }
        List<Turn> turns = new ArrayList<>();
        if (seated.isEmpty()) {
            return turns;
        }
        Duration length = seated.size() >= 3 ? problem.norms().turnInTrio() : problem.norms().turn();
        Instant at = session.start();
        int next = 0;
        while (at.isBefore(session.end())) {
            Instant to = at.plus(length).isAfter(session.end()) ? session.end() : at.plus(length);
            turns.add(new Turn(seated.get(next % seated.size()), at, to));
            next++;
            at = to;
        }
        return turns;
    }
}
