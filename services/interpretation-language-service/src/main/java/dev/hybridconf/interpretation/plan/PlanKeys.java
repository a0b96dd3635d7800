package dev.hybridconf.interpretation.plan;

import dev.hybridconf.kit.redis.KeySpace;

/**
 * The plan's Redis keys, all under {@code interpretation:plan:}:
 * <ul>
 * <li>{@code plan:<conference>:draft} (hash: {@code id}, {@code json}): the last solve's plan;</li>
 * <li>{@code plan:<conference>:solve} (hash): the progress of the last or running solve;</li>
 * <li>{@code plan:<conference>:published} (hash: {@code revision}, {@code version}, {@code json}): the published
 * plan, its interpreters' answers and declines, and the snapshots last emitted per session;</li>
 * <li>{@code plan:<conference>:replan} (string): a decline asked for a new solve that has not started yet;</li>
 * <li>{@code plan:calendar:token:<sha256>} and {@code plan:calendar:interpreter:<conference>:<interpreter>}: the
 * private addresses of interpreters' calendar feeds.</li>
 * </ul>
 * The solve lease is the kit's {@code lease:{plan-solve:<conference>}}.
 */
final class PlanKeys {

    private final KeySpace keys;

    PlanKeys(KeySpace keys) {
        this.keys = keys;
    }

    String draft(String conferenceId) {
        return keys.key("plan", conferenceId, "draft");
    }

    String solve(String conferenceId) {
        return keys.key("plan", conferenceId, "solve");
    }

    String published(String conferenceId) {
        return keys.key("plan", conferenceId, "published");
    }

    String replan(String conferenceId) {
        return keys.key("plan", conferenceId, "replan");
    }

    String calendarToken(String digest) {
        return keys.key("plan", "calendar", "token", digest);
    }

    String calendarOwner(String conferenceId, String interpreterId) {
        return keys.key("plan", "calendar", "interpreter", conferenceId, interpreterId);
    }

    static String leaseName(String conferenceId) {
        return "plan-solve:" + conferenceId;
    }

    /** The kit's key of a lease (see {@code Leases}: {@code <keyspace>:lease:{<name>}}). */
    String lease(String conferenceId) {
        return keys.key("lease", "{" + leaseName(conferenceId) + "}");
    }
}
