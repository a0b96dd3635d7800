package dev.hybridconf.interpretation.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who sits where in a plan, by interpreter, and the first rule that would keep an interpreter out of a
 * seat given everything else in the plan (the explanation of a gap, and the check of the final fill).
 */
final class Placements {

    private static final List<PlanningRule> DAILY = List.of(PlanningRule.DAILY_BLOCKS, PlanningRule.BLOCK_LENGTH,
            PlanningRule.REST, PlanningRule.DAILY_HOURS);

    private final Map<Interpreter, List<Booth>> booths = new HashMap<>();
    private final Map<Booth, List<Seat>> seatsByBooth = new HashMap<>();

    Placements(List<Seat> seats) {
        for (Seat seat : seats) {
            seatsByBooth.computeIfAbsent(seat.booth(), key -> new ArrayList<>()).add(seat);
            if (seat.interpreter() != null) {
                booths.computeIfAbsent(seat.interpreter(), key -> new ArrayList<>()).add(seat.booth());
            }
        }
    }

    List<Booth> of(Interpreter interpreter) {
        return booths.getOrDefault(interpreter, List.of());
    }

    List<Seat> seatsOf(Booth booth) {
        return seatsByBooth.getOrDefault(booth, List.of());
    }

    void place(Seat seat, Interpreter interpreter) {
        seat.assign(interpreter);
        booths.computeIfAbsent(interpreter, key -> new ArrayList<>()).add(seat.booth());
    }

    /** The first rule, in {@link PlanningRule} order, that keeps {@code interpreter} out of {@code seat}; null if none. */
    PlanningRule exclusion(Interpreter interpreter, Seat seat) {
        Booth booth = seat.booth();
        if (booth.declined.contains(interpreter)) {
            return PlanningRule.DECLINED;
        }
        if (!booth.competent(interpreter)) {
            return PlanningRule.COMPETENCE;
        }
        if (!Rules.available(interpreter, booth)) {
            return PlanningRule.AVAILABILITY;
        }
        if (!Rules.modeAllowed(interpreter, booth)) {
            return PlanningRule.REMOTE_IN_ROOM;
        }
        List<Booth> held = of(interpreter);
        for (Booth other : held) {
            if (other.overlaps(booth)) {
                return PlanningRule.BUSY;
            }
        }
        List<Booth> sameDay = new ArrayList<>();
        for (Booth other : held) {
            if (other.day.equals(booth.day)) {
                if (Rules.roomChangeTooShort(interpreter, other, booth)) {
                    return PlanningRule.ROOM_CHANGE;
                }
                sameDay.add(other);
            }
        }
        List<Rules.DailyBreach> before = Rules.dailyBreaches(sameDay);
        sameDay.add(booth);
        List<Rules.DailyBreach> after = Rules.dailyBreaches(sameDay);
        for (PlanningRule rule : DAILY) {
            if (Rules.count(after, rule) > Rules.count(before, rule)) {
                return rule;
            }
        }
        if (booth.needsRelay(interpreter) && Rules.relayGivers(seatsOf(booth.pivot)) < 2) {
            return PlanningRule.RELAY_GIVERS;
        }
        return null;
    }
}
