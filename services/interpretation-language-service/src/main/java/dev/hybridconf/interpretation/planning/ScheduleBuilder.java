package dev.hybridconf.interpretation.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.LanguageClass;

/**
 * Turns a {@link StaffingProblem} into the solver's plan: a booth per needed channel (deciding which booths
 * work on relay and from which pivot), its seats, each seat's value range, and the published seats pinned
 * where they still keep every rule.
 */
final class ScheduleBuilder {

    private ScheduleBuilder() {
    }

    static StaffingSchedule build(StaffingProblem problem, Norms fallbackNorms) {
        Norms norms = problem.norms() != null ? problem.norms() : fallbackNorms;
        List<Interpreter> interpreters = interpreters(problem.interpreters());
        Map<String, Interpreter> byId = new HashMap<>();
        interpreters.forEach(interpreter -> byId.put(interpreter.id(), interpreter));
        Map<String, Set<Interpreter>> declined = new HashMap<>();
        for (StaffingProblem.Decline decline : problem.declines()) {
            Interpreter interpreter = byId.get(decline.interpreterId());
            if (interpreter != null) {
                declined.computeIfAbsent(decline.sessionId() + "/" + decline.language(), key -> new HashSet<>())
                        .add(interpreter);
            }
        }

        List<SessionNeed> sessions = new ArrayList<>(problem.sessions());
        sessions.sort(Comparator.comparing(SessionNeed::start).thenComparing(SessionNeed::sessionId));
        List<Booth> booths = new ArrayList<>();
        for (SessionNeed session : sessions) {
            List<Booth> ofSession = new ArrayList<>();
            Set<String> languages = new HashSet<>();
            for (ChannelNeed channel : session.channels()) {
                if (!languages.add(channel.language()) || !session.end().isAfter(session.start())) {
                    continue;
                }
                Booth booth = new Booth(session, channel, problem.timeZone(), norms);
                booth.declined = Set.copyOf(declined.getOrDefault(booth.key, Set.of()));
                booth.direct = direct(booth, interpreters);
                ofSession.add(booth);
            }
            decideRelay(session, ofSession, interpreters, norms);
            for (Booth booth : ofSession) {
                booth.teamSize = norms.teamSize(session.length(), booth.givesRelay);
                for (Interpreter interpreter : interpreters) {
                    if (eligible(interpreter, booth) && booth.competent(interpreter)) {
                        booth.candidates.add(interpreter);
                    }
                }
                booth.candidates = List.copyOf(booth.candidates);
            }
            booths.addAll(ofSession);
        }

        Map<String, Booth> boothsByKey = new LinkedHashMap<>();
        booths.forEach(booth -> boothsByKey.put(booth.key, booth));
        Map<String, Seat> seatsById = new LinkedHashMap<>();
        for (Booth booth : booths) {
            for (int index = 0; index < booth.teamSize; index++) {
                Seat seat = new Seat(booth, index);
                seatsById.put(seat.id(), seat);
            }
        }
        pin(problem.pins(), seatsById, byId);

        List<Seat> seats = new ArrayList<>(seatsById.values());
        // The construction heuristic fills seats in this order: in time (which packs each interpreter's day the way
        // interval scheduling does; on the benchmark congress its first plan has 7 % fewer gaps than hardest-first), the
        // pivot booth of a session before the booths that take relay from it, then the hardest to fill.
        seats.sort(Comparator.<Seat>comparingLong(seat -> seat.booth().start)
                .thenComparing(seat -> !seat.booth().givesRelay)
                .thenComparingInt(seat -> seat.booth().candidates.size())
                .thenComparing(Seat::id));
        List<PartnerWish> wishes = new ArrayList<>();
        for (Interpreter interpreter : interpreters) {
            interpreter.partners().stream().sorted().map(byId::get)
                    .filter(partner -> partner != null && partner != interpreter)
                    .forEach(partner -> wishes.add(new PartnerWish(interpreter, partner)));
        }
        return new StaffingSchedule(booths, interpreters, List.copyOf(wishes), seats);
    }

    private static List<Interpreter> interpreters(List<InterpreterProfile> profiles) {
        Set<String> seen = new HashSet<>();
        List<Interpreter> interpreters = new ArrayList<>();
        for (InterpreterProfile profile : profiles) {
            if (profile.interpreterId() != null && seen.add(profile.interpreterId())) {
                interpreters.add(new Interpreter(profile, interpreters.size()));
            }
        }
        return List.copyOf(interpreters);
    }

    /** Available that day and hour, allowed by work mode, and not declined: what holds whatever the competence. */
    static boolean eligible(Interpreter interpreter, Booth booth) {
        return !booth.declined.contains(interpreter) && Rules.available(interpreter, booth)
                && Rules.modeAllowed(interpreter, booth);
    }

    /** Who works from every floor language other than the target into the target (AIIC directions). */
    private static Set<Interpreter> direct(Booth booth, List<Interpreter> interpreters) {
        Set<Interpreter> direct = new LinkedHashSet<>();
        String target = booth.language();
        for (Interpreter interpreter : interpreters) {
            InterpreterProfile profile = interpreter.profile();
            boolean competent;
            if (booth.directSources.isEmpty()) {
                competent = profile.skill(target)
                        .map(skill -> skill.level() == LanguageClass.A || (skill.level() == LanguageClass.B && skill.retour()))
                        .orElse(false);
            } else {
                competent = booth.directSources.stream().allMatch(source -> profile.canInterpret(source, target));
            }
            if (competent) {
                direct.add(interpreter);
            }
        }
        return Set.copyOf(direct);
    }

    /**
     * Relay is decided before solving, and only where it is allowed and needed: a booth goes on relay when
     * fewer eligible interpreters can work it directly than it has seats, and another booth of the session
     * can be fully staffed directly with its extra seat and at least two relay givers (the pivot). Among such
     * pivots the one opening the booth to the most interpreters wins (then a floor language, then the code).
     * A pivot is never itself on relay.
     */
    private static void decideRelay(SessionNeed session, List<Booth> booths, List<Interpreter> interpreters,
            Norms norms) {
        if (!session.relayAllowed() || booths.size() < 2) {
            return;
        }
        Map<Booth, Long> directEligible = new HashMap<>();
        for (Booth booth : booths) {
            directEligible.put(booth, booth.direct.stream().filter(interpreter -> eligible(interpreter, booth)).count());
        }
        int plainTeam = norms.teamSize(session.length(), false);
        int pivotTeam = norms.teamSize(session.length(), true);
        List<Booth> pivots = booths.stream()
                .filter(booth -> !booth.channel.sign() && directEligible.get(booth) >= pivotTeam)
                .filter(booth -> booth.direct.stream()
                        .filter(interpreter -> eligible(interpreter, booth) && interpreter.canGiveRelay(booth.language()))
                        .count() >= 2)
                .toList();
        for (Booth booth : booths) {
            if (directEligible.get(booth) >= plainTeam || pivots.contains(booth)) {
                continue;
            }
            Booth best = null;
            Set<Interpreter> bestPool = Set.of();
            for (Booth pivot : pivots) {
                if (pivot == booth) {
                    continue;
                }
                Set<Interpreter> pool = new LinkedHashSet<>();
                for (Interpreter interpreter : interpreters) {
                    if (!booth.direct.contains(interpreter)
                            && interpreter.profile().canInterpret(pivot.language(), booth.language())) {
                        pool.add(interpreter);
                    }
                }
                long eligiblePool = pool.stream().filter(interpreter -> eligible(interpreter, booth)).count();
                long bestEligible = bestPool.stream().filter(interpreter -> eligible(interpreter, booth)).count();
                if (eligiblePool > 0 && (best == null || eligiblePool > bestEligible
                        || (eligiblePool == bestEligible && pivotRank(session, pivot).compareTo(pivotRank(session, best)) < 0))) {
                    best = pivot;
                    bestPool = pool;
                }
            }
            if (best != null) {
                booth.pivot = best;
                booth.viaRelay = Set.copyOf(bestPool);
                best.givesRelay = true;
            }
        }
    }

    private static String pivotRank(SessionNeed session, Booth pivot) {
        int floor = session.floorLanguages().indexOf(pivot.language());
        return (floor < 0 ? "1" : "0" + (char) ('a' + floor)) + pivot.language();
    }

    /**
     * Published seats start with their interpreter and are pinned, unless that breaks a hard rule now: the seat
     * is gone (the session moved to fewer seats, the channel dropped), the interpreter left the roster, or no
     * longer fits it (competence after a floor change, availability, work mode, a decline) — such a pin is
     * dropped. Pins that clash with each other (overlap, room change, daily limits after a session moved) are
     * released: the seats start empty (so the starting plan breaks nothing) and the solver, charged for every
     * published interpreter it does not put back, puts back all but what the clash forbids.
     */
    private static void pin(List<StaffingProblem.Pin> pins, Map<String, Seat> seatsById, Map<String, Interpreter> byId) {
        for (StaffingProblem.Pin pin : pins) {
            Seat seat = seatsById.get(pin.sessionId() + "/" + pin.language() + "/" + pin.seat());
            Interpreter interpreter = byId.get(pin.interpreterId());
            if (seat == null || interpreter == null || seat.pinned() || !seat.booth().candidates.contains(interpreter)) {
                continue;
            }
            seat.pin(interpreter);
        }
        Map<Interpreter, List<Seat>> pinnedBy = new LinkedHashMap<>();
        for (Seat seat : seatsById.values()) {
            if (seat.pinned()) {
                pinnedBy.computeIfAbsent(seat.interpreter(), key -> new ArrayList<>()).add(seat);
            }
        }
        Set<Seat> release = new HashSet<>();
        for (Map.Entry<Interpreter, List<Seat>> entry : pinnedBy.entrySet()) {
            List<Seat> seats = entry.getValue();
            for (int i = 0; i < seats.size(); i++) {
                for (int j = i + 1; j < seats.size(); j++) {
                    Booth first = seats.get(i).booth();
                    Booth second = seats.get(j).booth();
                    if (first.overlaps(second) || Rules.roomChangeTooShort(entry.getKey(), first, second)) {
                        release.add(seats.get(i));
                        release.add(seats.get(j));
                    }
                }
            }
            Map<Object, List<Seat>> byDay = new HashMap<>();
            seats.forEach(seat -> byDay.computeIfAbsent(seat.booth().day, key -> new ArrayList<>()).add(seat));
            for (List<Seat> ofDay : byDay.values()) {
                if (!Rules.dailyBreaches(ofDay.stream().map(Seat::booth).toList()).isEmpty()) {
                    release.addAll(ofDay);
                }
            }
        }
        release.forEach(Seat::release);
    }
}
