package dev.hybridconf.interpretation.demand;

import static dev.hybridconf.kit.redis.StoredValues.optional;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One registration as demand needs it, with its breakout enrolments: everything that decides what it adds to the
 * listener counts, in one Redis hash ({@code lang:participant:<registrationId>}). What it contributes is a pure
 * function of this state ({@link #contributions()}), and the counters change in the same step as the state, by the
 * difference between what the state before and the state after contribute: so the counters are always the sum of
 * what the stored records contribute.
 *
 * <p>Each group of facts remembers the {@code aggregateversion} of the event that last set it (status, attendance
 * mode, languages; each enrolment its own), and an event sets a group only when it is newer: a registration's
 * events carry the whole of what they change, so the copy ends the same in whatever order they arrive. An erased
 * registration keeps only a tombstone (its conference and versions, no language, mode or enrolment) and ignores
 * everything after.
 *
 * @param conference     the conference the registration belongs to, or null when no event named one yet
 * @param status         {@code PENDING}, {@code APPROVED}, {@code WAITLISTED}, {@code OFFERED}, {@code EXPIRED},
 *                       {@code REJECTED}, {@code CANCELLED}, {@code ERASED}, or null when unknown yet
 * @param mode           {@code IN_PERSON} or {@code REMOTE}, or null
 * @param preferred      the preferred language, or null
 * @param interpretation the language they want interpretation into, or null
 * @param enrolments     breakout enrolments by session id
 * @param rev            the record's revision (every write adds one; a write requires the one it read)
 */
record ParticipantState(String conference, String status, long statusVersion, String mode, long modeVersion,
        String preferred, String interpretation, long languageVersion, boolean erased,
        Map<String, Enrolment> enrolments, long rev) {

    static final String APPROVED = "APPROVED";
    static final String ERASED = "ERASED";
    static final String IN_PERSON = "IN_PERSON";
    static final String REMOTE = "REMOTE";

    private static final String ENROLMENT = "e:";

    /** A breakout enrolment: {@code ENROLLED} (a place), {@code WAITLISTED} or {@code NONE} (left, cancelled). */
    record Enrolment(String status, long version) {

        static final String ENROLLED = "ENROLLED";
        static final String WAITLISTED = "WAITLISTED";
        static final String NONE = "NONE";

        boolean holdsPlace() {
            return ENROLLED.equals(status);
        }
    }

    /** What a registration event says; null where it says nothing about a group. */
    record RegistrationChange(String conference, String status, String mode, Languages languages, boolean erase) {
    }

    /** The languages a registration event carries (both, as a pair). */
    record Languages(String preferred, String interpretation) {
    }

    /** One unit a state adds to a counter: the conference's or a session's, in the room or remote, a language. */
    record Contribution(Scope scope, String id, String mode, String language) {

        String field() {
            return mode + ":" + language;
        }
    }

    enum Scope {
        CONFERENCE, SESSION
    }

    static final ParticipantState NONE = new ParticipantState(null, null, 0, null, 0, null, null, 0, false, Map.of(), 0);

    ParticipantState {
        enrolments = Map.copyOf(enrolments);
    }

    /** Applies a registration event of version {@code version} (0 or less: unversioned, applies as it comes). */
    ParticipantState with(RegistrationChange change, long version) {
        if (erased) {
            return this;
        }
        String conf = conference != null ? conference : blankToNull(change.conference());
        if (change.erase()) {
            long v = Math.max(version, statusVersion);
            return new ParticipantState(conf, ERASED, v, null, Math.max(version, modeVersion), null, null,
                    Math.max(version, languageVersion), true, Map.of(), rev);
        }
        String s = status;
        long sv = statusVersion;
        if (change.status() != null && newer(version, statusVersion)) {
            s = change.status();
            sv = Math.max(version, statusVersion);
        }
        String m = mode;
        long mv = modeVersion;
        if (change.mode() != null && newer(version, modeVersion)) {
            m = change.mode();
            mv = Math.max(version, modeVersion);
        }
        String p = preferred;
        String i = interpretation;
        long lv = languageVersion;
        if (change.languages() != null && newer(version, languageVersion)) {
            p = language(change.languages().preferred());
            i = language(change.languages().interpretation());
            lv = Math.max(version, languageVersion);
        }
        return new ParticipantState(conf, s, sv, m, mv, p, i, lv, false, enrolments, rev);
    }

    /** Applies an enrolment event of version {@code version} for one breakout, when newer than the one held. */
    ParticipantState withEnrolment(String sessionId, String conferenceId, String enrolmentStatus, long version) {
        if (erased) {
            return this;
        }
        Enrolment held = enrolments.get(sessionId);
        if (held != null && !newer(version, held.version())) {
            return this;
        }
        Map<String, Enrolment> next = new HashMap<>(enrolments);
        next.put(sessionId, new Enrolment(enrolmentStatus, held == null ? version : Math.max(version, held.version())));
        String conf = conference != null ? conference : blankToNull(conferenceId);
        return new ParticipantState(conf, status, statusVersion, mode, modeVersion, preferred, interpretation,
                languageVersion, false, next, rev);
    }

    /** The language they listen in: the one they want interpretation into, else their preferred one. */
    String listenerLanguage() {
        return interpretation != null ? interpretation : preferred;
    }

    /** Whether they count as a listener: approved, in the room or remote, with a language. */
    boolean listening() {
        return !erased && APPROVED.equals(status) && (IN_PERSON.equals(mode) || REMOTE.equals(mode))
                && listenerLanguage() != null;
    }

    /**
     * What this state adds to the counters: one to its conference's (approved participants, read by plenaries and
     * the other conference-wide kinds) and one to each breakout where it holds a place.
     */
    Map<Contribution, Integer> contributions() {
        Map<Contribution, Integer> units = new HashMap<>();
        if (!listening()) {
            return units;
        }
        String language = listenerLanguage();
        if (conference != null) {
            units.merge(new Contribution(Scope.CONFERENCE, conference, mode, language), 1, Integer::sum);
        }
        enrolments.forEach((sessionId, enrolment) -> {
            if (enrolment.holdsPlace()) {
                units.merge(new Contribution(Scope.SESSION, sessionId, mode, language), 1, Integer::sum);
            }
        });
        return units;
    }

    /** What the counters must change by when this state becomes {@code after}: zero changes are left out. */
    Map<Contribution, Integer> difference(ParticipantState after) {
        Map<Contribution, Integer> delta = new HashMap<>(after.contributions());
        contributions().forEach((unit, count) -> delta.merge(unit, -count, Integer::sum));
        delta.values().removeIf(change -> change == 0);
        return delta;
    }

    static ParticipantState fromHash(Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return NONE;
        }
        Map<String, Enrolment> enrolments = new HashMap<>();
        hash.forEach((field, value) -> {
            if (field.startsWith(ENROLMENT)) {
                int colon = value.indexOf(':');
                enrolments.put(field.substring(ENROLMENT.length()),
                        new Enrolment(value.substring(0, colon), Long.parseLong(value.substring(colon + 1))));
            }
        });
        return new ParticipantState(optional(hash.get("conferenceId")), optional(hash.get("status")),
                number(hash.get("statusVersion")), optional(hash.get("mode")), number(hash.get("modeVersion")),
                optional(hash.get("preferredLanguage")), optional(hash.get("interpretationLanguage")),
                number(hash.get("languageVersion")), "1".equals(hash.get("erased")), enrolments,
                number(hash.get("rev")));
    }

    /** The hash of this state at revision {@code revision}. */
    Map<String, String> toHash(long revision) {
        Map<String, String> hash = new TreeMap<>();
        hash.put("conferenceId", text(conference));
        hash.put("status", text(status));
        hash.put("statusVersion", Long.toString(statusVersion));
        hash.put("mode", text(mode));
        hash.put("modeVersion", Long.toString(modeVersion));
        hash.put("preferredLanguage", text(preferred));
        hash.put("interpretationLanguage", text(interpretation));
        hash.put("languageVersion", Long.toString(languageVersion));
        if (erased) {
            hash.put("erased", "1");
        }
        enrolments.forEach((sessionId, e) -> hash.put(ENROLMENT + sessionId, e.status() + ":" + e.version()));
        hash.put("rev", Long.toString(revision));
        return hash;
    }

    /** Whether the two hold the same facts, whatever their revisions. */
    boolean sameFactsAs(ParticipantState other) {
        return toHash(0).equals(other.toHash(0));
    }

    /** Unversioned events (from before versions) always apply, in the order they arrive. */
    private static boolean newer(long version, long held) {
        return version <= 0 || version > held;
    }

    static String language(String code) {
        return code == null || code.isBlank() ? null : code.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static long number(String stored) {
        return stored == null || stored.isEmpty() ? 0 : Long.parseLong(stored);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
