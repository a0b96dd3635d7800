package dev.hybridconf.interpretation.roster;

import java.util.List;

/**
 * An entry as an organiser gives it (a form or a CSV row), checked field by field; its partners are still
 * references (roster ids from a form, e-mails from a file) until the roster resolves them.
 */
record InterpreterDraft(String name, String email, String zoomEmail, String registrationId,
        List<LanguageSkill> languages, WorkMode mode, List<Availability> availability, List<String> partners) {

    InterpreterDraft {
        languages = List.copyOf(languages);
        availability = List.copyOf(availability);
        partners = List.copyOf(partners);
    }
}
