package dev.hybridconf.interpretation.languages;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.hybridconf.interpretation.demand.Listeners;
import dev.hybridconf.contracts.interpretation.LanguageCatalogue;

/**
 * When a session needs a channel into a language: when its listeners reach the conference's threshold and the
 * language is not the session's only floor language, or when it is forced (by the session, or by the conference's
 * {@code alwaysOffer}); never when the session drops it, and never into the only language the floor speaks (nobody
 * needs it interpreted into what they already hear).
 */
public final class ChannelRule {

    /** Why a language is, or is not, needed. */
    public enum Why {
        /** Needed: listeners reach the threshold; not needed: they do not. */
        THRESHOLD,
        /** Needed because the session or the conference forces it. */
        FORCED,
        /** Not needed: the session drops it. */
        DROPPED,
        /** Not needed: it is the only language the floor speaks. */
        FLOOR
    }

    /**
     * One language of a session: its listeners (room, remote), and whether a channel into it is needed, and why.
     *
     * @param forced whether the session or the conference forces it (dropping still wins)
     */
    public record Decision(String language, boolean sign, int room, int remote, boolean forced, boolean needed,
            Why why) {

        public int listeners() {
            return room + remote;
        }
    }

    private ChannelRule() {
    }

    /**
     * Every language the session has listeners in, or that is forced, offered always or dropped, by code.
     *
     * @param listeners the session's listeners (for an online session, everyone remote)
     */
    public static List<Decision> decide(List<String> floorLanguages, Listeners listeners, ConferenceSettings conference,
            SessionSettings session) {
        TreeSet<String> languages = new TreeSet<>();
        listeners.byLanguage().forEach((language, count) -> {
            if (count.total() > 0) {
                languages.add(language);
            }
        });
        languages.addAll(session.force());
        languages.addAll(session.drop());
        languages.addAll(conference.alwaysOffer());
        List<Decision> decisions = new ArrayList<>(languages.size());
        for (String language : languages) {
            Listeners.Count count = listeners.of(language);
            boolean forced = session.force().contains(language) || conference.alwaysOffer().contains(language);
            boolean floorOnly = floorLanguages.size() == 1 && floorLanguages.get(0).equals(language);
            Why why;
            boolean needed;
            if (session.drop().contains(language)) {
                why = Why.DROPPED;
                needed = false;
            } else if (floorOnly) {
                why = Why.FLOOR;
                needed = false;
            } else if (forced) {
                why = Why.FORCED;
                needed = true;
            } else {
                why = Why.THRESHOLD;
                needed = count.total() >= conference.threshold();
            }
            decisions.add(new Decision(language, LanguageCatalogue.isSign(language), count.room(), count.remote(),
                    forced, needed, why));
        }
        return decisions;
    }
}
