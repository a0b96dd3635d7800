package dev.hybridconf.registration.notification;

/** The kinds of message a participant receives; each has a subject and a body in every language. */
enum Notice {

    RECEIVED("received"),
    APPROVED("approved"),
    WAITLISTED("waitlisted"),
    REJECTED("rejected"),
    CANCELLED("cancelled"),
    OFFER("offer"),
    OFFER_EXPIRED("offer-expired"),
    /** To someone not registered yet: no name is known, only the address. */
    INVITATION("invitation");

    private final String key;

    Notice(String key) {
        this.key = key;
    }

    String subjectKey() {
        return key + ".subject";
    }

    String bodyKey() {
        return key + ".body";
    }

    String key() {
        return key;
    }
}
