package dev.hybridconf.interpretation.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hybridconf.interpretation.planning.StaffingSolution.BoothPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.Exclusion;
import dev.hybridconf.interpretation.planning.StaffingSolution.Gap;
import dev.hybridconf.interpretation.planning.StaffingSolution.SeatPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.Turn;
import dev.hybridconf.interpretation.planning.StaffingSolution.Violation;

/**
 * Reads the solver's best plan back as a {@link StaffingSolution}: tidies seat order, fills any seat a
 * free candidate can still take, then lists booths with their turn plans, the rules still broken, every gap
 * with each candidate's reason, and the hiring that covers the gaps.
 */
final class PlanReader {

    private PlanReader() {
    }

    /**
     * Within a booth, seats nobody published are interchangeable: filled seats come first, in roster order,
     * so that equal plans read the same. Pinned and released (published) seats keep their place.
     */
    static void tidy(StaffingSchedule schedule) {
        for (List<Seat> seats : seatsByBooth(schedule).values()) {
            List<Seat> free = seats.stream().filter(seat -> !seat.pinned() && seat.kept() == null).toList();
            List<Interpreter> people = free.stream().map(Seat::interpreter)
                    .filter(interpreter -> interpreter != null)
                    .sorted(Comparator.comparingInt(Interpreter::index)).toList();
            for (int i = 0; i < free.size(); i++) {
                free.get(i).assign(i < people.size() ? people.get(i) : null);
            }
        }
    }

    /**
     * Puts a free candidate (no rule against them) in every gap that has one, in seat order; the solver's
     * search normally leaves none, and this makes "every gap has a reason for every candidate" hold whatever
     * the time limit. Returns whether it changed anything.
     */
    static boolean fillFreeSeats(StaffingSchedule schedule) {
        Placements placements = new Placements(schedule.seats());
        boolean changed = false;
        for (Seat seat : ordered(schedule)) {
            if (seat.interpreter() != null || seat.pinned()) {
                continue;
            }
            for (Interpreter interpreter : seat.booth().candidates) {
                if (placements.exclusion(interpreter, seat) == null) {
                    placements.place(seat, interpreter);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    static StaffingSolution read(StaffingSchedule schedule, PlanScore score, Duration spent, Duration timeToFeasible) {
        Placements placements = new Placements(schedule.seats());
        Map<Booth, List<Seat>> byBooth = seatsByBooth(schedule);
        List<BoothPlan> booths = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (Booth booth : schedule.booths()) {
            List<Seat> seats = byBooth.getOrDefault(booth, List.of());
            List<SeatPlan> seatPlans = seats.stream()
                    .map(seat -> new SeatPlan(seat.index(), seat.interpreter() == null ? null : seat.interpreter().id(),
                            seat.pinned()))
                    .toList();
            List<String> sources = booth.onRelay() ? List.of(booth.pivot.language()) : booth.directSources;
            booths.add(new BoothPlan(booth.sessionId(), booth.language(), booth.channel.sign(), booth.delivery, sources,
                    booth.onRelay() ? booth.pivot.language() : null, booth.givesRelay, booth.teamSize, seatPlans,
                    turns(booth, seats)));
            for (Seat seat : seats) {
                if (seat.interpreter() == null) {
                    List<Exclusion> candidates = new ArrayList<>();
                    for (Interpreter interpreter : schedule.interpreters()) {
                        PlanningRule rule = placements.exclusion(interpreter, seat);
                        // After fillFreeSeats nobody is free; were it otherwise, say they are busy elsewhere in the plan.
                        candidates.add(new Exclusion(interpreter.id(), (rule == null ? PlanningRule.BUSY : rule).code()));
                    }
                    gaps.add(new Gap(booth.sessionId(), booth.language(), seat.index(), candidates));
                }
            }
        }
        return new StaffingSolution(score, booths, violations(schedule, placements),
                gaps, HiringPlanner.suggest(gaps, schedule), spent, timeToFeasible);
    }

    /** Every rule the plan still breaks, one line per breach, in time order. */
    static List<Violation> violations(StaffingSchedule schedule, Placements placements) {
        record Found(Booth booth, Violation violation) {
        }
        List<Found> found = new ArrayList<>();
        for (Seat seat : schedule.seats()) {
            Interpreter interpreter = seat.interpreter();
            if (interpreter == null) {
                continue;
            }
            Booth booth = seat.booth();
            if (booth.declined.contains(interpreter)) {
                found.add(new Found(booth, violation(PlanningRule.DECLINED, booth, interpreter)));
            }
            if (!booth.competent(interpreter)) {
                found.add(new Found(booth, violation(PlanningRule.COMPETENCE, booth, interpreter)));
            }
            if (!Rules.available(interpreter, booth)) {
                found.add(new Found(booth, violation(PlanningRule.AVAILABILITY, booth, interpreter)));
            }
            if (!Rules.modeAllowed(interpreter, booth)) {
                found.add(new Found(booth, violation(PlanningRule.REMOTE_IN_ROOM, booth, interpreter)));
            }
            if (seat.needsRelay() && Rules.relayGivers(placements.seatsOf(booth.pivot)) < 2) {
                found.add(new Found(booth, violation(PlanningRule.RELAY_GIVERS, booth, interpreter)));
            }
        }
        for (Interpreter interpreter : schedule.interpreters()) {
            List<Booth> held = new ArrayList<>(placements.of(interpreter));
            held.sort(Comparator.<Booth>comparingLong(booth -> booth.start).thenComparing(booth -> booth.key));
            Map<Object, List<Booth>> byDay = new LinkedHashMap<>();
            for (int i = 0; i < held.size(); i++) {
                byDay.computeIfAbsent(held.get(i).day, key -> new ArrayList<>()).add(held.get(i));
                for (int j = i + 1; j < held.size(); j++) {
                    Booth first = held.get(i);
                    Booth second = held.get(j);
                    if (first.overlaps(second)) {
                        found.add(new Found(second, violation(PlanningRule.OVERLAP, second, interpreter)));
                    } else if (first.day.equals(second.day) && Rules.roomChangeTooShort(interpreter, first, second)) {
                        found.add(new Found(second, violation(PlanningRule.ROOM_CHANGE, second, interpreter)));
                    }
                }
            }
            for (List<Booth> ofDay : byDay.values()) {
                for (Rules.DailyBreach breach : Rules.dailyBreaches(ofDay)) {
                    found.add(new Found(breach.booth(), violation(breach.rule(), breach.booth(), interpreter)));
                }
            }
        }
        found.sort(Comparator.<Found>comparingLong(f -> f.booth().start).thenComparing(f -> f.booth().key)
                .thenComparing(f -> f.violation().rule())
                .thenComparing(f -> String.valueOf(f.violation().interpreterId())));
        return found.stream().map(Found::violation).toList();
    }

    private static Violation violation(PlanningRule rule, Booth booth, Interpreter interpreter) {
        return new Violation(rule.code(), booth.sessionId(), booth.language(), interpreter.id());
    }

    /**
     * Who is on the microphone when: the seated interpreters take turns in seat order, of {@code turn} (30 min)
     * or {@code turnInTrio} (20 min) when three or more are seated; a tail shorter than half a turn is added
     * to the last turn; someone alone covers the whole session.
     */
    static List<Turn> turns(Booth booth, List<Seat> seats) {
        List<String> seated = seats.stream().filter(seat -> seat.interpreter() != null)
                .map(seat -> seat.interpreter().id()).toList();
        if (seated.isEmpty()) {
            return List.of();
        }
        Instant start = booth.session.start();
        Instant end = booth.session.end();
        if (seated.size() == 1) {
            return List.of(new Turn(seated.get(0), start, end));
        }
        Duration length = seated.size() >= 3 ? booth.norms.turnInTrio() : booth.norms.turn();
        if (length.isZero() || length.isNegative()) {
            length = Duration.ofMinutes(30);
        }
        List<Turn> turns = new ArrayList<>();
        Instant from = start;
        int index = 0;
        while (from.isBefore(end)) {
            Instant to = from.plus(length);
            if (!to.isBefore(end) || Duration.between(to, end).compareTo(length.dividedBy(2)) < 0) {
                to = end;
            }
            turns.add(new Turn(seated.get(index % seated.size()), from, to));
            from = to;
            index++;
        }
        return turns;
    }

    static Map<Booth, List<Seat>> seatsByBooth(StaffingSchedule schedule) {
        Map<Booth, List<Seat>> byBooth = new HashMap<>();
        for (Seat seat : schedule.seats()) {
            byBooth.computeIfAbsent(seat.booth(), key -> new ArrayList<>()).add(seat);
        }
        byBooth.values().forEach(seats -> seats.sort(Comparator.comparingInt(Seat::index)));
        return byBooth;
    }

    private static List<Seat> ordered(StaffingSchedule schedule) {
        List<Seat> seats = new ArrayList<>(schedule.seats());
        seats.sort(Comparator.<Seat>comparingLong(seat -> seat.booth().start).thenComparing(Seat::id));
        return seats;
    }
}
