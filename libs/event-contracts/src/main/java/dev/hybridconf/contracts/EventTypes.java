package dev.hybridconf.contracts;

import java.util.Map;

import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationRejected;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.registration.RegistrationWaitlisted;

/**
 * The registry of logical event types and their payload records. A consumer binds data only to a
 * type listed here; a type it does not know is skipped, never guessed from a class name.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends EventPayload>> TYPES = Map.of(
            RegistrationSubmitted.TYPE, RegistrationSubmitted.class,
            RegistrationApproved.TYPE, RegistrationApproved.class,
            RegistrationWaitlisted.TYPE, RegistrationWaitlisted.class,
            RegistrationRejected.TYPE, RegistrationRejected.class,
            RegistrationCancelled.TYPE, RegistrationCancelled.class);

    private EventTypes() {
    }

    public static Map<String, Class<? extends EventPayload>> all() {
        return TYPES;
    }

    /** The JSON Schema of a type's data, as a classpath resource. */
    public static String schemaResource(String type) {
        return "/schemas/" + type + ".json";
    }
}
