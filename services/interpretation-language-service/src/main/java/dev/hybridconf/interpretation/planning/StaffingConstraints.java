package dev.hybridconf.interpretation.planning;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countDistinct;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.max;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toList;

import java.util.List;
import java.util.function.Function;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The plan's rules as Timefold constraint streams. Hard: the profession's norms and the facts of the
 * roster (each named by its rule code). Medium: every empty seat. Soft: keep what was published, least
 * relay, on site before remote in a room, the same team in a room through a day, preferred partners, even
 * load. Weights are in ADR 0019.
 */
public final class StaffingConstraints implements ConstraintProvider {

    static final String EMPTY_SEAT = "empty-seat";
    static final String KEEP_PUBLISHED = "keep-published";
    static final String LEAST_RELAY = "least-relay";
    static final String ON_SITE_FIRST = "on-site-first";
    static final String SAME_TEAM = "same-team";
    static final String PREFERRED_PARTNERS = "preferred-partners";
    static final String PARTNERS_MET = "preferred-partners-met";
    static final String EVEN_LOAD = "even-load";

    static final int KEEP_PUBLISHED_WEIGHT = 1000;
    static final int LEAST_RELAY_WEIGHT = 100;
    static final int ON_SITE_FIRST_WEIGHT = 20;
    static final int SAME_TEAM_WEIGHT = 10;
    static final int PREFERRED_PARTNERS_WEIGHT = 5;

    // Shared so that the four daily-limit constraints share one grouping node.
    private static final Function<Seat, Interpreter> INTERPRETER = Seat::interpreter;
    private static final Function<Seat, Object> DAY = seat -> seat.booth().day;

    public StaffingConstraints() {
        // instantiated by the solver
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                declined(factory),
                competence(factory),
                availability(factory),
                remoteInRoom(factory),
                overlap(factory),
                roomChange(factory),
                daily(factory, PlanningRule.DAILY_BLOCKS),
                daily(factory, PlanningRule.BLOCK_LENGTH),
                daily(factory, PlanningRule.REST),
                daily(factory, PlanningRule.DAILY_HOURS),
                relayGivers(factory),
                emptySeat(factory),
                keepPublished(factory),
                leastRelay(factory),
                onSiteFirst(factory),
                sameTeam(factory),
                preferredPartners(factory),
                partnersMet(factory),
                evenLoad(factory)
        };
    }

    Constraint declined(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> seat.booth().declined.contains(seat.interpreter()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(PlanningRule.DECLINED.code());
    }

    Constraint competence(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> !seat.booth().competent(seat.interpreter()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(PlanningRule.COMPETENCE.code());
    }

    Constraint availability(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> !Rules.available(seat.interpreter(), seat.booth()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(PlanningRule.AVAILABILITY.code());
    }

    Constraint remoteInRoom(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> !Rules.modeAllowed(seat.interpreter(), seat.booth()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(PlanningRule.REMOTE_IN_ROOM.code());
    }

    /** One place at a time; this includes the same interpreter twice in one booth. */
    Constraint overlap(ConstraintFactory factory) {
        return factory.forEachUniquePair(Seat.class,
                        Joiners.equal(Seat::interpreter),
                        Joiners.overlapping(seat -> seat.booth().start, seat -> seat.booth().end))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(PlanningRule.OVERLAP.code());
    }

    Constraint roomChange(ConstraintFactory factory) {
        return factory.forEachUniquePair(Seat.class,
                        Joiners.equal(Seat::interpreter),
                        Joiners.equal(seat -> seat.booth().day))
                .filter((first, second) -> Rules.roomChangeTooShort(first.interpreter(), first.booth(), second.booth()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(PlanningRule.ROOM_CHANGE.code());
    }

    Constraint daily(ConstraintFactory factory, PlanningRule rule) {
        return factory.forEach(Seat.class)
                .groupBy(INTERPRETER, DAY, toList())
                .filter((interpreter, day, seats) -> seats.size() > 1)
                .penalize(HardMediumSoftScore.ONE_HARD, (interpreter, day, seats) -> Rules.dailyCount(seats, rule))
                .asConstraint(rule.code());
    }

    /**
     * A booth working from a pivot needs at least two interpreters in the pivot booth who can give relay
     * (into their A): each seat that depends on relay is charged the givers still missing.
     */
    Constraint relayGivers(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Seat.class)
                .filter(seat -> seat.booth().givesRelay)
                .groupBy(Seat::booth, toList())
                .filter((pivot, seats) -> Rules.relayGivers(seats) < 2)
                .join(Seat.class,
                        Joiners.equal((pivot, seats) -> pivot, seat -> seat.booth().pivot),
                        Joiners.filtering((pivot, seats, seat) -> seat.needsRelay()))
                .penalize(HardMediumSoftScore.ONE_HARD, (pivot, seats, seat) -> 2 - Rules.relayGivers(seats))
                .asConstraint(PlanningRule.RELAY_GIVERS.code());
    }

    Constraint emptySeat(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Seat.class)
                .filter(seat -> seat.interpreter() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .asConstraint(EMPTY_SEAT);
    }

    /** A released seat (its published interpreter broke a rule) keeps them where the rules allow. */
    Constraint keepPublished(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Seat.class)
                .filter(seat -> seat.kept() != null && seat.interpreter() != seat.kept())
                .penalize(HardMediumSoftScore.ofSoft(KEEP_PUBLISHED_WEIGHT))
                .asConstraint(KEEP_PUBLISHED);
    }

    Constraint leastRelay(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(Seat::needsRelay)
                .penalize(HardMediumSoftScore.ofSoft(LEAST_RELAY_WEIGHT))
                .asConstraint(LEAST_RELAY);
    }

    /** In a booth that also serves a room, someone in the room before someone remote. */
    Constraint onSiteFirst(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> seat.booth().room != null && seat.interpreter().remote())
                .penalize(HardMediumSoftScore.ofSoft(ON_SITE_FIRST_WEIGHT))
                .asConstraint(ON_SITE_FIRST);
    }

    /** The same team in one room's booth through a day: each interpreter beyond the largest team costs. */
    Constraint sameTeam(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> seat.booth().roomDay != null)
                .groupBy(seat -> seat.booth().roomDay, countDistinct(Seat::interpreter),
                        max((Seat seat) -> seat.booth().teamSize))
                .filter((roomDay, people, team) -> people > team)
                .penalize(HardMediumSoftScore.ofSoft(SAME_TEAM_WEIGHT), (roomDay, people, team) -> people - team)
                .asConstraint(SAME_TEAM);
    }

    /**
     * Each wish to share a booth with someone costs, unless it is met somewhere in the plan: every wish is
     * charged here and each one met is given back by {@link #partnersMet}, so the sum is never positive and
     * leaving the interpreter out does not count as meeting it.
     */
    Constraint preferredPartners(ConstraintFactory factory) {
        return factory.forEach(PartnerWish.class)
                .penalize(HardMediumSoftScore.ofSoft(PREFERRED_PARTNERS_WEIGHT))
                .asConstraint(PREFERRED_PARTNERS);
    }

    Constraint partnersMet(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> !seat.interpreter().partners().isEmpty())
                .join(Seat.class,
                        Joiners.equal(Seat::booth),
                        Joiners.filtering((seat, other) -> seat != other
                                && seat.interpreter().partners().contains(other.interpreter().id())))
                .groupBy((seat, other) -> seat.interpreter(), (seat, other) -> other.interpreter())
                .reward(HardMediumSoftScore.ofSoft(PREFERRED_PARTNERS_WEIGHT))
                .asConstraint(PARTNERS_MET);
    }

    /** Even load: the sum of squared hours per interpreter, which spreads the same work over more people. */
    Constraint evenLoad(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .groupBy(Seat::interpreter, sum((Seat seat) -> (int) seat.booth().minutes()))
                .penalize(HardMediumSoftScore.ONE_SOFT, (interpreter, minutes) -> squaredHours(minutes))
                .asConstraint(EVEN_LOAD);
    }

    static int squaredHours(int minutes) {
        return (int) ((long) minutes * minutes / 3600);
    }

    static List<String> hardRules() {
        return java.util.Arrays.stream(PlanningRule.values()).filter(rule -> rule != PlanningRule.BUSY)
                .map(PlanningRule::code).toList();
    }
}
