package dev.hybridconf.interpretation.demand;

import java.util.Map;
import java.util.TreeMap;

/**
 * Expected listeners per language: how many prefer it (their interpretation language, else their preferred one),
 * in the room ({@code IN_PERSON}) and remote.
 */
public record Listeners(Map<String, Count> byLanguage) {

    /** Listeners of one language. */
    public record Count(int room, int remote) {

        public static final Count ZERO = new Count(0, 0);

        public int total() {
            return room + remote;
        }
    }

    public static final Listeners NONE = new Listeners(Map.of());

    public Listeners {
        byLanguage = Map.copyOf(byLanguage);
    }

    public Count of(String language) {
        return byLanguage.getOrDefault(language, Count.ZERO);
    }

    /** Everyone remote: an online session has no room. */
    public Listeners allRemote() {
        Map<String, Count> remote = new TreeMap<>();
        byLanguage.forEach((language, count) -> remote.put(language, new Count(0, count.total())));
        return new Listeners(remote);
    }

    /**
     * Those a channel delivered this way reaches: the room's headsets reach only those in the room, Zoom only those
     * on Zoom. Remote participants are no listeners of a channel given only in the room, nor the room's audience of
     * one given only on Zoom.
     */
    public Listeners reachedBy(dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery delivery) {
        Map<String, Count> reached = new TreeMap<>();
        byLanguage.forEach((language, count) -> reached.put(language, switch (delivery) {
            case ROOM -> new Count(count.room(), 0);
            case ZOOM -> new Count(0, count.remote());
            case BOTH -> count;
        }));
        return new Listeners(reached);
    }

    /** From a counter hash: fields {@code IN_PERSON:<language>} and {@code REMOTE:<language>}; zeros left out. */
    static Listeners fromCounters(Map<String, String> counters) {
        if (counters == null || counters.isEmpty()) {
            return NONE;
        }
        Map<String, int[]> counts = new TreeMap<>();
        counters.forEach((field, value) -> {
            int colon = field.indexOf(':');
            long n = Long.parseLong(value);
            if (colon < 0 || n <= 0) {
                return;
            }
            int[] pair = counts.computeIfAbsent(field.substring(colon + 1), l -> new int[2]);
            if (ParticipantState.IN_PERSON.equals(field.substring(0, colon))) {
                pair[0] += (int) n;
            } else if (ParticipantState.REMOTE.equals(field.substring(0, colon))) {
                pair[1] += (int) n;
            }
        });
        Map<String, Count> byLanguage = new TreeMap<>();
        counts.forEach((language, pair) -> byLanguage.put(language, new Count(pair[0], pair[1])));
        return new Listeners(byLanguage);
    }
}
