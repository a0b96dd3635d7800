package dev.hybridconf.session.enrolment;

import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;

/**
 * The enrolment keys, under the service prefix {@code session:}; apart from the programme's keys so
 * that enrolments never bump the programme version.
 * <ul>
 * <li>{@code enrolment:<sessionId>} (hash): {@code version} (+1 on every change);</li>
 * <li>{@code enrolment:<sessionId>:places} (sorted set): registration ids holding a place, by time enrolled;
 * its size is the number of places held (there is no separate counter to drift from it);</li>
 * <li>{@code enrolment:<sessionId>:waitlist} (sorted set): registration ids waiting, by time waitlisted;</li>
 * <li>{@code enrolment:<sessionId>:closed} (string): present while the breakout is cancelled;</li>
 * <li>{@code enrollee:<registrationId>} (hash): {@code version}, +1 on every change of their enrolments;</li>
 * <li>{@code enrollee:<registrationId>:sessions} (sorted set): the breakouts they hold or wait for, by start.</li>
 * </ul>
 */
final class EnrolmentKeys {

    private final KeySpace keys;

    EnrolmentKeys(RedisStore store) {
        this.keys = store.keys();
    }

    String breakout(String sessionId) {
        return keys.key("enrolment", sessionId);
    }

    String places(String sessionId) {
        return keys.key("enrolment", sessionId, "places");
    }

    String waitlist(String sessionId) {
        return keys.key("enrolment", sessionId, "waitlist");
    }

    String closed(String sessionId) {
        return keys.key("enrolment", sessionId, "closed");
    }

    String enrollee(String registrationId) {
        return keys.key("enrollee", registrationId);
    }

    String enrolleeSessions(String registrationId) {
        return keys.key("enrollee", registrationId, "sessions");
    }
}
