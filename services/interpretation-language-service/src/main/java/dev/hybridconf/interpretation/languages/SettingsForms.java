package dev.hybridconf.interpretation.languages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.demand.KnownConference;
import dev.hybridconf.interpretation.demand.KnownSession;
import dev.hybridconf.contracts.interpretation.LanguageCatalogue;
import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import tools.jackson.databind.JsonNode;

/**
 * Reads the organisers' setting bodies by hand, so that every wrong field is named (with what is wrong, in the
 * reader's language) and nothing is written unless all of the body is right. A PUT replaces the settings as a
 * whole: a field left out takes its default.
 */
final class SettingsForms {

    static final Set<String> CONFERENCE_FIELDS = Set.of("extras", "alwaysOffer", "threshold");
    static final Set<String> SESSION_FIELDS = Set.of("delivery", "relayAllowed", "force", "drop");
    /** More than any conference offers; the catalogue holds fewer languages. */
    static final int MAX_LANGUAGES = 40;

    /** What a conference body asks for. */
    record ConferenceForm(List<String> extras, List<String> alwaysOffer, int threshold) {
    }

    /** What a session body asks for. */
    record SessionForm(Delivery delivery, boolean relayAllowed, List<String> force, List<String> drop) {
    }

    private SettingsForms() {
    }

    static ConferenceForm conference(JsonNode body, KnownConference conference) {
        List<Invalid> errors = new ArrayList<>();
        requireObject(body, CONFERENCE_FIELDS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        List<String> extras = codes(body.get("extras"), "extras", errors);
        List<String> alwaysOffer = codes(body.get("alwaysOffer"), "alwaysOffer", errors);
        Set<String> offered = new HashSet<>(conference.languages());
        offered.addAll(extras);
        for (int i = 0; i < alwaysOffer.size(); i++) {
            String code = alwaysOffer.get(i);
            if (code != null && !offered.contains(code)) {
                errors.add(new Invalid("alwaysOffer[" + i + "]", "languages.field.not-offered", code));
            }
        }
        int threshold = ConferenceSettings.DEFAULT_THRESHOLD;
        JsonNode t = body.get("threshold");
        if (t != null && !t.isNull()) {
            if (t.isIntegralNumber() && t.canConvertToInt() && t.intValue() >= 1
                    && t.intValue() <= ConferenceSettings.MAX_THRESHOLD) {
                threshold = t.intValue();
            } else {
                errors.add(new Invalid("threshold", "languages.field.threshold", ConferenceSettings.MAX_THRESHOLD));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new ConferenceForm(extras, alwaysOffer, threshold);
    }

    static SessionForm session(JsonNode body, KnownSession session) {
        List<Invalid> errors = new ArrayList<>();
        requireObject(body, SESSION_FIELDS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        Delivery delivery = null;
        JsonNode d = body.get("delivery");
        if (d != null && !d.isNull()) {
            delivery = d.isString() ? delivery(d.stringValue()) : null;
            if (delivery == null) {
                errors.add(new Invalid("delivery", "languages.field.delivery"));
            }
        }
        boolean relayAllowed = true;
        JsonNode r = body.get("relayAllowed");
        if (r != null && !r.isNull()) {
            if (r.isBoolean()) {
                relayAllowed = r.booleanValue();
            } else {
                errors.add(new Invalid("relayAllowed", "languages.field.boolean"));
            }
        }
        List<String> force = codes(body.get("force"), "force", errors);
        List<String> drop = codes(body.get("drop"), "drop", errors);
        List<String> floor = session.floorLanguages();
        for (int i = 0; i < force.size(); i++) {
            String code = force.get(i);
            if (code != null && floor.size() == 1 && floor.get(0).equals(code)) {
                errors.add(new Invalid("force[" + i + "]", "languages.field.floor-only", code));
            }
        }
        for (int i = 0; i < drop.size(); i++) {
            String code = drop.get(i);
            if (code != null && force.contains(code)) {
                errors.add(new Invalid("drop[" + i + "]", "languages.field.forced-and-dropped", code));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new SessionForm(delivery, relayAllowed, force, drop);
    }

    private static void requireObject(JsonNode body, Set<String> known, List<Invalid> errors) {
        if (body == null || !body.isObject()) {
            errors.add(new Invalid("body", "languages.field.object", String.join(", ", new java.util.TreeSet<>(known))));
            return;
        }
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(new Invalid(name.length() > 64 ? name.substring(0, 64) + "…" : name,
                        "languages.field.unknown"));
            }
        }
    }

    /**
     * A list of language codes the catalogue knows, each once, as the catalogue writes them; absent or null is an
     * empty list. Entries that are wrong are reported and kept out (their place stays null, so later checks name
     * the right index).
     */
    private static List<String> codes(JsonNode node, String field, List<Invalid> errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new Invalid(field, "languages.field.list"));
            return List.of();
        }
        if (node.size() > MAX_LANGUAGES) {
            errors.add(new Invalid(field, "languages.field.too-many", MAX_LANGUAGES));
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String code = item.isString() ? LanguageCatalogue.find(item.stringValue())
                    .map(LanguageCatalogue.Language::code).orElse(null) : null;
            if (code == null) {
                errors.add(new Invalid(field + "[" + i + "]", "languages.field.code"));
            } else if (!seen.add(code)) {
                errors.add(new Invalid(field + "[" + i + "]", "languages.field.duplicate"));
                code = null;
            }
            codes.add(code);
        }
        return codes;
    }

    private static Delivery delivery(String value) {
        for (Delivery d : Delivery.values()) {
            if (d.name().equals(value)) {
                return d;
            }
        }
        return null;
    }
}
