package dev.hybridconf.session.programme;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How the programme's read views learn the interpretation channels of each session without the programme
 * storing them: the interpretation feature implements it from the plans the interpretation service publishes.
 * Without such a bean, or before a plan is published for a session, its languages are its floor languages only.
 */
public interface InterpretationReader {

    /** The published channels of each of the sessions that has some, by session id; others are absent. */
    Map<String, Published> published(Collection<String> sessionIds);

    /**
     * The channels of a session as last published.
     *
     * @param planVersion the interpretation plan's version they come from
     * @param channels    empty when the session is no longer interpreted
     */
    record Published(long planVersion, List<Channel> channels) {

        public Published {
            channels = List.copyOf(channels);
        }

        /** Whether a channel gives {@code language}. */
        boolean offers(String language) {
            return channels.stream().anyMatch(c -> c.language().equals(language));
        }
    }

    /**
     * One channel listeners can pick.
     *
     * @param delivery {@code ROOM} (booth headsets in the room), {@code ZOOM} (a Zoom interpretation channel) or
     *                 {@code BOTH}
     * @param covered  whether every seat of its booth is filled in the plan
     */
    record Channel(String language, boolean signLanguage, String delivery, boolean covered) {
    }
}
