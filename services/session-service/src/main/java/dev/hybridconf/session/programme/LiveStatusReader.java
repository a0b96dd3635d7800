package dev.hybridconf.session.programme;

import java.util.Collection;
import java.util.Map;

/**
 * How the programme's read views learn each session's live status ({@code SCHEDULED}, {@code LIVE},
 * {@code ENDED}) without the programme storing it: the live-status feature implements it from its
 * own keys. Without such a bean every session reads as {@code SCHEDULED}.
 */
public interface LiveStatusReader {

    /** The live status of each of the sessions, by session id; sessions never live are {@code SCHEDULED}. */
    Map<String, String> liveStatuses(Collection<String> sessionIds);
}
