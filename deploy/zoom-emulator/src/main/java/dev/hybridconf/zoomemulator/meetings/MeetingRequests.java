package dev.hybridconf.zoomemulator.meetings;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.hybridconf.zoomemulator.ZoomTime;
import dev.hybridconf.zoomemulator.api.ZoomApiException;
import dev.hybridconf.zoomemulator.api.ZoomApiException.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and checks the bodies of the meeting and registrant endpoints the way Zoom does: unknown fields are ignored,
 * known ones must have the right type and value, and every problem is named in one {@code Validation Failed.} answer.
 */
final class MeetingRequests {

    /** The languages Zoom's API accepts for interpreters, as the country codes it uses for them. */
    static final Set<String> INTERPRETATION_LANGUAGES = Set.of("US", "CN", "JP", "DE", "FR", "RU", "PT", "ES", "KR");

    static final int MAX_INTERPRETERS = 20;
    static final int MAX_BATCH = 30;
    static final int MAX_TOPIC = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private MeetingRequests() {
    }

    /** The fields of a create or update body. {@code null} means "not given". */
    record Fields(String topic, Integer type, Instant startTime, Integer duration, String timezone, String agenda,
            String password, ObjectNode settings) {
    }

    /** One registrant of an add or batch body. */
    record NewRegistrant(String email, String firstName, String lastName, String language) {
    }

    static ObjectNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ZoomApiException.notJson();
        }
        return (ObjectNode) body;
    }

    /** Reads a create ({@code creating}) or update body. */
    static Fields fields(JsonNode body, Kind kind, boolean creating) {
        ObjectNode object = requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        String topic = text(object, "topic", errors);
        if (topic != null && topic.length() > MAX_TOPIC) {
            errors.add(new FieldError("topic", "The topic can have at most " + MAX_TOPIC + " characters."));
        }
        Integer type = integer(object, "type", errors);
        Set<Integer> types = kind == Kind.MEETING ? Set.of(1, 2) : Set.of(5);
        if (type != null && !types.contains(type)) {
            errors.add(new FieldError("type", kind == Kind.MEETING
                    ? "Only instant (1) and scheduled (2) meetings are emulated."
                    : "Only scheduled webinars (5) are emulated."));
        }
        String timezone = text(object, "timezone", errors);
        if (timezone != null && !timezone.isEmpty()) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                errors.add(new FieldError("timezone", "Invalid field."));
            }
        }
        Instant startTime = null;
        String start = text(object, "start_time", errors);
        if (start != null) {
            try {
                startTime = ZoomTime.parse(start, timezone);
            } catch (DateTimeException e) {
                errors.add(new FieldError("start_time", "Invalid field."));
            }
        }
        int effectiveType = type != null ? type : kind == Kind.MEETING ? 2 : 5;
        if (creating && start == null && effectiveType != 1) {
            errors.add(new FieldError("start_time", "A scheduled " + kind.word() + " needs a start_time."));
        }
        Integer duration = integer(object, "duration", errors);
        if (duration != null && duration < 0) {
            errors.add(new FieldError("duration", "Invalid field."));
        }
        String agenda = text(object, "agenda", errors);
        String password = text(object, "password", errors);
        ObjectNode settings = null;
        JsonNode given = object.get("settings");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                errors.add(new FieldError("settings", "Invalid field."));
            } else {
                settings = (ObjectNode) given;
            }
        }
        if (!errors.isEmpty()) {
            throw ZoomApiException.validation(errors);
        }
        return new Fields(topic, type, startTime, duration, timezone, agenda, password, settings);
    }

    /** Zoom's defaults for the settings the emulator knows. */
    static ObjectNode defaultSettings(Kind kind) {
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        settings.put("host_video", false);
        settings.put("panelists_video", false);
        settings.put("participant_video", false);
        settings.put("join_before_host", false);
        settings.put("mute_upon_entry", false);
        settings.put("approval_type", 2);
        settings.put("registration_type", 1);
        settings.put("audio", "voip");
        settings.put("auto_recording", "none");
        settings.put("waiting_room", false);
        settings.put("alternative_hosts", "");
        settings.put("registrants_confirmation_email", true);
        settings.put("registrants_email_notification", true);
        ObjectNode interpretation = settings.putObject("language_interpretation");
        interpretation.put("enable", false);
        interpretation.putArray("interpreters");
        ObjectNode sign = settings.putObject("sign_language_interpretation");
        sign.put("enable", false);
        sign.putArray("interpreters");
        if (kind == Kind.WEBINAR) {
            settings.remove("waiting_room");
            settings.remove("participant_video");
        } else {
            settings.remove("panelists_video");
        }
        return settings;
    }

    /** Merges {@code changes} into {@code target}: objects field by field, everything else replaced. */
    static void merge(ObjectNode target, ObjectNode changes) {
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            JsonNode existing = target.get(change.getKey());
            if (existing != null && existing.isObject() && change.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) change.getValue());
            } else {
                target.set(change.getKey(), change.getValue().deepCopy());
            }
        }
    }

    /**
     * Checks the settings the emulator knows, after a merge.
     *
     * @param signLanguages the sign languages the account offers (Zoom's own and its custom ones)
     */
    static void checkSettings(ObjectNode settings, String hostEmail, Set<String> signLanguages) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode approval = settings.get("approval_type");
        if (approval == null || !approval.isIntegralNumber() || approval.asInt() < 0 || approval.asInt() > 2) {
            errors.add(new FieldError("settings.approval_type", "Invalid field."));
        }
        JsonNode registrationType = settings.get("registration_type");
        if (registrationType != null && (!registrationType.isIntegralNumber() || registrationType.asInt() < 1
                || registrationType.asInt() > 3)) {
            errors.add(new FieldError("settings.registration_type", "Invalid field."));
        }
        JsonNode recording = settings.get("auto_recording");
        if (recording != null && !(recording.isString()
                && Set.of("local", "cloud", "none").contains(recording.asString()))) {
            errors.add(new FieldError("settings.auto_recording", "Invalid field."));
        }
        for (String flag : List.of("waiting_room", "registrants_confirmation_email", "registrants_email_notification",
                "join_before_host")) {
            JsonNode value = settings.get(flag);
            if (value != null && !value.isBoolean()) {
                errors.add(new FieldError("settings." + flag, "Invalid field."));
            }
        }
        JsonNode alternativeHosts = settings.get("alternative_hosts");
        if (alternativeHosts != null && !alternativeHosts.isString()) {
            errors.add(new FieldError("settings.alternative_hosts", "Invalid field."));
        } else if (alternativeHosts != null) {
            for (String email : alternativeHosts(settings)) {
                if (!EMAIL.matcher(email).matches()) {
                    errors.add(new FieldError("settings.alternative_hosts", "Invalid e-mail: " + email));
                } else if (email.equalsIgnoreCase(hostEmail)) {
                    errors.add(new FieldError("settings.alternative_hosts", "The host cannot be an alternative host."));
                }
            }
        }
        checkInterpretation(settings.get("language_interpretation"), errors);
        checkSignInterpretation(settings.get("sign_language_interpretation"), signLanguages, errors);
        if (!errors.isEmpty()) {
            throw ZoomApiException.validation(errors);
        }
    }

    private static void checkInterpretation(JsonNode interpretation, List<FieldError> errors) {
        checkInterpreters(interpretation, "settings.language_interpretation", "interpreters", "languages",
                languages -> validLanguagePair(languages), "Two different languages of "
                        + String.join(",", INTERPRETATION_LANGUAGES.stream().sorted().toList())
                        + ", separated by a comma (e.g. US,FR).", errors);
    }

    private static void checkSignInterpretation(JsonNode interpretation, Set<String> signLanguages,
            List<FieldError> errors) {
        checkInterpreters(interpretation, "settings.sign_language_interpretation", "sign language interpreters",
                "sign_language", signLanguages::contains, "One of the account's sign languages: "
                        + String.join(", ", signLanguages.stream().sorted().toList()) + ".", errors);
    }

    /**
     * Zoom's two interpretation settings have one shape: {@code enable} and at most {@link #MAX_INTERPRETERS}
     * interpreters, each an e-mail and a language field ({@code languages} or {@code sign_language}).
     */
    private static void checkInterpreters(JsonNode interpretation, String prefix, String what, String languageField,
            java.util.function.Predicate<String> validLanguage, String languageRule, List<FieldError> errors) {
        if (interpretation == null) {
            return;
        }
        if (!interpretation.isObject()) {
            errors.add(new FieldError(prefix, "Invalid field."));
            return;
        }
        JsonNode enable = interpretation.get("enable");
        if (enable != null && !enable.isBoolean()) {
            errors.add(new FieldError(prefix + ".enable", "Invalid field."));
        }
        JsonNode interpreters = interpretation.get("interpreters");
        if (interpreters == null) {
            return;
        }
        if (!interpreters.isArray()) {
            errors.add(new FieldError(prefix + ".interpreters", "Invalid field."));
            return;
        }
        if (interpreters.size() > MAX_INTERPRETERS) {
            errors.add(new FieldError(prefix + ".interpreters",
                    "A meeting can have at most " + MAX_INTERPRETERS + " " + what + "."));
        }
        for (int i = 0; i < interpreters.size(); i++) {
            JsonNode interpreter = interpreters.get(i);
            String field = prefix + ".interpreters[" + i + "]";
            JsonNode email = interpreter.get("email");
            if (email == null || !email.isString() || !EMAIL.matcher(email.asString()).matches()) {
                errors.add(new FieldError(field + ".email", "Invalid field."));
            }
            JsonNode language = interpreter.get(languageField);
            if (language == null || !language.isString() || !validLanguage.test(language.asString())) {
                errors.add(new FieldError(field + "." + languageField, languageRule));
            }
        }
    }

    private static boolean validLanguagePair(String languages) {
        String[] pair = languages.split(",");
        return pair.length == 2 && INTERPRETATION_LANGUAGES.contains(pair[0].trim())
                && INTERPRETATION_LANGUAGES.contains(pair[1].trim()) && !pair[0].trim().equals(pair[1].trim());
    }

    /** The alternative hosts' e-mails (Zoom separates them with semicolons or commas). */
    static List<String> alternativeHosts(ObjectNode settings) {
        List<String> emails = new ArrayList<>();
        for (String part : settings.path("alternative_hosts").asString("").split("[;,]")) {
            if (!part.isBlank()) {
                emails.add(part.trim());
            }
        }
        return emails;
    }

    /** Reads one registrant ({@code field} prefixes the names of invalid fields). */
    static NewRegistrant registrant(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(field.isEmpty() ? "body" : field, "Invalid field."));
            return null;
        }
        String prefix = field.isEmpty() ? "" : field + ".";
        String email = text((ObjectNode) node, "email", errors, prefix);
        String firstName = text((ObjectNode) node, "first_name", errors, prefix);
        String lastName = text((ObjectNode) node, "last_name", errors, prefix);
        String language = text((ObjectNode) node, "language", errors, prefix);
        if (email == null || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError(prefix + "email", "Invalid field."));
        }
        if (firstName == null || firstName.isBlank()) {
            errors.add(new FieldError(prefix + "first_name", "Invalid field."));
        }
        return new NewRegistrant(email, firstName, lastName, language);
    }

    /** The registrants of a batch body: 1 to {@value #MAX_BATCH} of them. */
    static List<NewRegistrant> batch(JsonNode body) {
        ObjectNode object = requireObject(body);
        JsonNode list = object.get("registrants");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ZoomApiException.validation(List.of(new FieldError("registrants", "Invalid field.")));
        }
        if (list.size() > MAX_BATCH) {
            throw ZoomApiException.badRequest("You can only register up to " + MAX_BATCH
                    + " registrants in one batch request (got " + list.size() + ").");
        }
        List<FieldError> errors = new ArrayList<>();
        List<NewRegistrant> registrants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            NewRegistrant registrant = registrant(list.get(i), "registrants[" + i + "]", errors);
            if (registrant != null && registrant.email() != null
                    && !seen.add(registrant.email().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("registrants[" + i + "].email", "Duplicate e-mail in the batch."));
            }
            registrants.add(registrant);
        }
        if (!errors.isEmpty()) {
            throw ZoomApiException.validation(errors);
        }
        return registrants;
    }

    static boolean flag(JsonNode body, String name) {
        JsonNode value = body == null ? null : body.get(name);
        return value != null && value.isBoolean() && value.asBoolean();
    }

    private static String text(ObjectNode object, String name, List<FieldError> errors) {
        return text(object, name, errors, "");
    }

    private static String text(ObjectNode object, String name, List<FieldError> errors, String prefix) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError(prefix + name, "Invalid field."));
            return null;
        }
        return value.asString();
    }

    private static Integer integer(ObjectNode object, String name, List<FieldError> errors) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asInt();
        }
        if (value.isString()) {
            try {
                return Integer.parseInt(value.asString().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        errors.add(new FieldError(name, "Invalid field."));
        return null;
    }
}
