package dev.hybridconf.registration.workflow;

/** What a conference id looks like (the session service's slugs): checked before any lookup. */
final class ConferenceIds {

    /** 2 to 63 lower-case letters, digits or dashes, starting with a letter or a digit. */
    static final String PATTERN = "[a-z0-9][a-z0-9-]{1,62}";

    private ConferenceIds() {
    }

    static boolean valid(String id) {
        return id != null && id.matches(PATTERN);
    }
}
