package dev.hybridconf.interpretation.planning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The profession's norms the planner applies (defaults from AIIC and the national associations, ADR
 * 0019), configurable under {@code interpretation.norms}.
 *
 * @param soloMax              longest session one interpreter may cover alone (40 min)
 * @param pairMax              longest session a team of two covers (4 h of session time)
 * @param trioMax              longest for three (6 h)
 * @param quartetMax           longest for four (8 h)
 * @param extraForRelayOrBothWays one more interpreter in a booth that gives relay or works both ways
 * @param blockJoin            sessions less than this apart are one block of work (30 min)
 * @param maxBlocksPerDay      blocks an interpreter works a day (2)
 * @param maxBlock             longest block (4 h)
 * @param minRest              shortest rest between two blocks (60 min)
 * @param maxDaily             most session time a day (7 h)
 * @param roomChange           the least gap between two sessions in different rooms for someone on site (15 min)
 * @param turn                 turn length in a booth of two (30 min)
 * @param turnInTrio           turn length in a booth of three or more (20 min)
 */
@ConfigurationProperties("interpretation.norms")
public record Norms(
        Duration soloMax,
        Duration pairMax,
        Duration trioMax,
        Duration quartetMax,
        @DefaultValue("1") int extraForRelayOrBothWays,
        Duration blockJoin,
        int maxBlocksPerDay,
        Duration maxBlock,
        Duration minRest,
        Duration maxDaily,
        Duration roomChange,
        Duration turn,
        Duration turnInTrio) {

    public static final Norms AIIC = new Norms(Duration.ofMinutes(40), Duration.ofHours(4), Duration.ofHours(6),
            Duration.ofHours(8), 1, Duration.ofMinutes(30), 2, Duration.ofHours(4), Duration.ofMinutes(60),
            Duration.ofHours(7), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(20));

    public Norms {
        soloMax = soloMax == null ? Duration.ofMinutes(40) : soloMax;
        pairMax = pairMax == null ? Duration.ofHours(4) : pairMax;
        trioMax = trioMax == null ? Duration.ofHours(6) : trioMax;
        quartetMax = quartetMax == null ? Duration.ofHours(8) : quartetMax;
        blockJoin = blockJoin == null ? Duration.ofMinutes(30) : blockJoin;
        maxBlocksPerDay = maxBlocksPerDay <= 0 ? 2 : maxBlocksPerDay;
        maxBlock = maxBlock == null ? Duration.ofHours(4) : maxBlock;
        minRest = minRest == null ? Duration.ofMinutes(60) : minRest;
        maxDaily = maxDaily == null ? Duration.ofHours(7) : maxDaily;
        roomChange = roomChange == null ? Duration.ofMinutes(15) : roomChange;
        turn = turn == null ? Duration.ofMinutes(30) : turn;
        turnInTrio = turnInTrio == null ? Duration.ofMinutes(20) : turnInTrio;
    }

    /**
     * Interpreters a booth needs for a session of {@code length}: 1 up to {@code soloMax}, 2 up to
     * {@code pairMax}, 3 up to {@code trioMax}, 4 up to {@code quartetMax} (and one more per further two
     * hours), plus {@code extraForRelayOrBothWays} when it gives relay or works both ways.
     */
    public int teamSize(Duration length, boolean givesRelayOrBothWays) {
        int base;
        if (length.compareTo(soloMax) <= 0) {
            base = 1;
        } else if (length.compareTo(pairMax) <= 0) {
            base = 2;
        } else if (length.compareTo(trioMax) <= 0) {
            base = 3;
        } else if (length.compareTo(quartetMax) <= 0) {
            base = 4;
        } else {
            base = 4 + (int) Math.ceil((double) length.minus(quartetMax).toMinutes() / 120.0);
        }
        return base + (givesRelayOrBothWays ? extraForRelayOrBothWays : 0);
    }
}
