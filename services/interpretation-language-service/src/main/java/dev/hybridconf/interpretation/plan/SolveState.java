package dev.hybridconf.interpretation.plan;

import static dev.hybridconf.kit.redis.StoredValues.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.hybridconf.interpretation.planning.PlanScore;

/**
 * The last or running solve of a conference, as every replica reads it from Redis ({@code plan:<c>:solve}).
 *
 * @param token      the solve lease's fencing token: only its holder writes this solve's progress
 * @param reason     {@code REQUESTED} (an organiser asked) or {@code DECLINE} (a decline asked for a replan)
 * @param bestScore  the best plan's score so far, null before the first
 * @param failure    why a {@code FAILED} solve stopped: {@code lease-lost}, {@code error}, {@code busy},
 *                   {@code stopped} (the replica shut down) or {@code abandoned} (its replica went away)
 */
record SolveState(
        Status status,
        long token,
        String reason,
        Instant startedAt,
        Instant finishedAt,
        Duration limit,
        Duration unimproved,
        PlanScore bestScore,
        String failure) {

    enum Status {
        IDLE, RUNNING, DONE, FAILED
    }

    static final SolveState IDLE = new SolveState(Status.IDLE, 0, null, null, null, null, null, null, null);

    static SolveState running(long token, String reason, Instant startedAt, Duration limit, Duration unimproved) {
        return new SolveState(Status.RUNNING, token, reason, startedAt, null, limit, unimproved, null, null);
    }

    Duration elapsed(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        Duration elapsed = Duration.between(startedAt, finishedAt != null ? finishedAt : now);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    SolveState abandoned() {
        return new SolveState(Status.FAILED, token, reason, startedAt, finishedAt, limit, unimproved, bestScore,
                "abandoned");
    }

    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status.name());
        fields.put("token", Long.toString(token));
        fields.put("reason", reason);
        fields.put("startedAt", startedAt.toString());
        fields.put("limitMs", Long.toString(limit.toMillis()));
        fields.put("unimprovedMs", Long.toString(unimproved.toMillis()));
        return fields;
    }

    static Map<String, String> score(PlanScore score) {
        return Map.of("bestHard", Long.toString(score.hard()), "bestMedium", Long.toString(score.medium()),
                "bestSoft", Long.toString(score.soft()));
    }

    static SolveState from(Map<String, String> hash) {
        if (hash == null || hash.isEmpty() || !hash.containsKey("status")) {
            return IDLE;
        }
        PlanScore best = hash.containsKey("bestHard") ? new PlanScore(Long.parseLong(hash.get("bestHard")),
                Long.parseLong(hash.get("bestMedium")), Long.parseLong(hash.get("bestSoft"))) : null;
        return new SolveState(Status.valueOf(hash.get("status")), Long.parseLong(hash.getOrDefault("token", "0")),
                hash.get("reason"), instant(hash.get("startedAt")), instant(hash.get("finishedAt")),
                Duration.ofMillis(Long.parseLong(hash.getOrDefault("limitMs", "0"))),
                Duration.ofMillis(Long.parseLong(hash.getOrDefault("unimprovedMs", "0"))), best, hash.get("failure"));
    }

}
