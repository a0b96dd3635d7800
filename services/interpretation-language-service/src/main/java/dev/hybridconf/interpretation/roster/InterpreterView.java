package dev.hybridconf.interpretation.roster;

import java.util.List;

/**
 * A roster entry as organisers (and the interpreter themself) read it; the same shape a form sends, plus the
 * entry's id, conference and version (also its {@code ETag}).
 */
record InterpreterView(String interpreterId, String conferenceId, String registrationId, String name, String email,
        String zoomEmail, List<LanguageView> languages, WorkMode mode, List<AvailabilityView> availability,
        List<String> preferredPartners, long version) {

    record LanguageView(String language, LanguageClass level, boolean retour) {
    }

    record AvailabilityView(String day, DayPart part) {
    }

    /** A conference's whole roster, in roster order (name, then id). */
    record RosterList(String conferenceId, List<InterpreterView> interpreters) {
    }

    static InterpreterView of(InterpreterProfile p) {
        return new InterpreterView(p.interpreterId(), p.conferenceId(), p.registrationId(), p.name(), p.email(),
                p.zoomEmail(),
                p.languages().stream().map(s -> new LanguageView(s.language(), s.level(), s.retour())).toList(),
                p.mode(), p.availability().stream().map(a -> new AvailabilityView(a.day().toString(), a.part())).toList(),
                p.preferredPartners().stream().sorted().toList(), p.version());
    }

    /** The entity tag of an entry's version: {@code "3"}. */
    static String etag(InterpreterProfile p) {
        return "\"" + p.version() + "\"";
    }
}
