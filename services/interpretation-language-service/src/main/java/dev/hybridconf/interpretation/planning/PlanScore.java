package dev.hybridconf.interpretation.planning;

/**
 * A plan's score: {@code hard} rules broken (competence, availability, overlap, daily limits, team sizes,
 * relay givers), {@code medium} seats left empty, {@code soft} preferences missed (load, same team, partners,
 * on site before remote, relay). Each is zero or negative; a plan is feasible when {@code hard} is zero.
 */
public record PlanScore(long hard, long medium, long soft) {

    public boolean feasible() {
        return hard == 0;
    }

    @Override
    public String toString() {
        return hard + "hard/" + medium + "medium/" + soft + "soft";
    }
}
