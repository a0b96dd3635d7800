package dev.hybridconf.interpretation.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules themselves, as plain functions, shared by the solver's constraints ({@link StaffingConstraints}),
 * the pins check, the violations listed with a plan and the explanation of every gap, so that the four can
 * never disagree.
 */
final class Rules {

    private static final Comparator<Booth> BY_TIME = Comparator.<Booth>comparingLong(booth -> booth.start)
            .thenComparingLong(booth -> booth.end).thenComparing(booth -> booth.key);

    private Rules() {
    }

    /** Whether the interpreter is available for the session's conference day and its local hours. */
    static boolean available(Interpreter interpreter, Booth booth) {
        return interpreter.profile().availability().stream()
                .anyMatch(slot -> slot.day().equals(booth.day) && slot.part() != null
                        && slot.part().covers(booth.localStart, booth.localEnd, booth.endsNextDay));
    }

    /** Remote interpreters work only channels that reach listeners through Zoom. */
    static boolean modeAllowed(Interpreter interpreter, Booth booth) {
        return !interpreter.remote() || booth.delivery.onZoom();
    }

    /**
     * Whether someone on site holding both booths lacks the time to change rooms: two rooms (both known,
     * different), not overlapping, and less than {@code roomChange} from the end of one to the start of the other.
     */
    static boolean roomChangeTooShort(Interpreter interpreter, Booth first, Booth second) {
        if (interpreter.remote() || first.room == null || second.room == null || first.room.equals(second.room)
                || first.overlaps(second)) {
            return false;
        }
        long gap = first.start <= second.start ? second.start - first.end : first.start - second.end;
        return gap < first.norms.roomChange().toMinutes();
    }

    /** A daily limit broken, charged to the booth that breaks it. */
    record DailyBreach(PlanningRule rule, Booth booth) {
    }

    /**
     * The daily limits one interpreter's booths of one conference day break. Booths less than
     * {@code blockJoin} apart are one block; at most {@code maxBlocksPerDay} blocks, each at most {@code maxBlock}
     * long, at least {@code minRest} apart, and at most {@code maxDaily} of session time. One session alone is
     * never a breach: its team size is what makes a long session bearable (ADR 0019).
     */
    static List<DailyBreach> dailyBreaches(List<Booth> booths) {
        if (booths.size() < 2) {
            return List.of();
        }
        Norms norms = booths.get(0).norms;
        List<Booth> sorted = new ArrayList<>(booths);
        sorted.sort(BY_TIME);
        long join = norms.blockJoin().toMinutes();
        List<DailyBreach> breaches = new ArrayList<>();
        List<List<Booth>> blocks = new ArrayList<>();
        List<Booth> block = new ArrayList<>();
        long blockEnd = Long.MIN_VALUE;
        long total = 0;
        for (Booth booth : sorted) {
            total += booth.minutes();
            if (!block.isEmpty() && booth.start - blockEnd >= join) {
                blocks.add(block);
                block = new ArrayList<>();
            }
            block.add(booth);
            blockEnd = block.size() == 1 ? booth.end : Math.max(blockEnd, booth.end);
        }
        blocks.add(block);
        for (int i = norms.maxBlocksPerDay(); i < blocks.size(); i++) {
            breaches.add(new DailyBreach(PlanningRule.DAILY_BLOCKS, blocks.get(i).get(0)));
        }
        long previousEnd = Long.MIN_VALUE;
        for (int i = 0; i < blocks.size(); i++) {
            List<Booth> current = blocks.get(i);
            long start = current.get(0).start;
            long end = current.stream().mapToLong(booth -> booth.end).max().orElseThrow();
            if (current.size() > 1 && end - start > norms.maxBlock().toMinutes()) {
                breaches.add(new DailyBreach(PlanningRule.BLOCK_LENGTH, current.get(current.size() - 1)));
            }
            if (i > 0 && start - previousEnd < norms.minRest().toMinutes()) {
                breaches.add(new DailyBreach(PlanningRule.REST, current.get(0)));
            }
            previousEnd = end;
        }
        if (total > norms.maxDaily().toMinutes()) {
            breaches.add(new DailyBreach(PlanningRule.DAILY_HOURS, sorted.get(sorted.size() - 1)));
        }
        return breaches;
    }

    static int count(List<DailyBreach> breaches, PlanningRule rule) {
        int count = 0;
        for (DailyBreach breach : breaches) {
            if (breach.rule() == rule) {
                count++;
            }
        }
        return count;
    }

    static int dailyCount(List<Seat> seats, PlanningRule rule) {
        List<Booth> booths = new ArrayList<>(seats.size());
        for (Seat seat : seats) {
            booths.add(seat.booth());
        }
        return count(dailyBreaches(booths), rule);
    }

    /** How many interpreters of a booth's seats can give relay into its language. */
    static int relayGivers(List<Seat> seatsOfBooth) {
        int givers = 0;
        for (Seat seat : seatsOfBooth) {
            if (seat.interpreter() != null && seat.interpreter().canGiveRelay(seat.booth().language())) {
                givers++;
            }
        }
        return givers;
    }
}
