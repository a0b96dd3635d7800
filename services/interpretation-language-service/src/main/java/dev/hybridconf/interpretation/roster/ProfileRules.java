package dev.hybridconf.interpretation.roster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.hybridconf.contracts.interpretation.LanguageCatalogue;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.validation.PlainTextRules;

/**
 * What a roster entry must be, whether it comes from the form or from a CSV row: a name a person reads, valid
 * e-mails, languages classed the AIIC way (at least one A, each language once, a retour only on a B), and
 * availability on well-formed days, each day once (inside the conference once its days are known).
 * Each check adds what is wrong to a list, so that every problem is reported at once.
 */
final class ProfileRules {

    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 254;
    static final int LANGUAGES_MAX = 12;
    static final int AVAILABILITY_MAX = 62;
    static final int PARTNERS_MAX = 10;

    /** An address as mail systems accept it in practice: no spaces, quotes or comments, a dotted domain. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}"
            + "(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
            + "[A-Za-z]{2,63}");
    /** A token's subject: the registration service's ids (UUIDs), or the local stack's demo subjects. */
    private static final Pattern REGISTRATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A conference id (the session service's slugs). */
    private static final Pattern CONFERENCE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private ProfileRules() {
    }

    static boolean conferenceId(String id) {
        return id != null && CONFERENCE_ID.matcher(id).matches();
    }

    static boolean interpreterId(String id) {
        return id != null && UUID_FORM.matcher(id).matches();
    }

    /** The name, stripped; required, at most {@link #NAME_MAX} characters, plain text on one line. */
    static String name(String raw, String field, List<Invalid> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problems.add(new Invalid(field, "roster.field.required"));
            return null;
        }
        if (value.length() > NAME_MAX) {
            problems.add(new Invalid(field, "roster.field.too-long", NAME_MAX));
            return null;
        }
        if (!PlainTextRules.isPlain(value, false)) {
            problems.add(new Invalid(field, "roster.field.plain-text"));
            return null;
        }
        return value;
    }

    /** The e-mail, stripped and in lower case; null when absent and not required. */
    static String email(String raw, String field, boolean required, List<Invalid> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (required) {
                problems.add(new Invalid(field, "roster.field.required"));
            }
            return null;
        }
        if (value.length() > EMAIL_MAX || !EMAIL.matcher(value).matches()) {
            problems.add(new Invalid(field, "roster.field.email"));
            return null;
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** The registration the entry is linked to (the interpreter's token subject), or null. */
    static String registrationId(String raw, String field, List<Invalid> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!REGISTRATION_ID.matcher(value).matches()) {
            problems.add(new Invalid(field, "roster.field.registration-id"));
            return null;
        }
        return value;
    }

    /** A known language's code, lower case; empty for anything else. */
    static Optional<String> language(String raw) {
        if (raw == null || !raw.strip().matches("[A-Za-z]{2,3}")) {
            return Optional.empty();
        }
        return LanguageCatalogue.find(raw).map(LanguageCatalogue.Language::code);
    }

    static Optional<LanguageClass> level(String raw) {
        return switch (raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT)) {
            case "A" -> Optional.of(LanguageClass.A);
            case "B" -> Optional.of(LanguageClass.B);
            case "C" -> Optional.of(LanguageClass.C);
            default -> Optional.empty();
        };
    }

    /** {@code ON_SITE} or {@code REMOTE}, in any case, with a dash, underscore or space ({@code on-site}). */
    static Optional<WorkMode> mode(String raw) {
        String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "_");
        return switch (value) {
            case "ON_SITE", "ONSITE" -> Optional.of(WorkMode.ON_SITE);
            case "REMOTE" -> Optional.of(WorkMode.REMOTE);
            default -> Optional.empty();
        };
    }

    static Optional<DayPart> part(String raw) {
        return switch (raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT)) {
            case "DAY" -> Optional.of(DayPart.DAY);
            case "MORNING", "AM" -> Optional.of(DayPart.MORNING);
            case "AFTERNOON", "PM" -> Optional.of(DayPart.AFTERNOON);
            default -> Optional.empty();
        };
    }

    /** A calendar day written {@code 2021-02-16}. */
    static Optional<LocalDate> day(String raw) {
        if (raw == null || !DAY.matcher(raw).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw));
        } catch (DateTimeParseException invalid) {
            return Optional.empty();
        }
    }

    /**
     * The AIIC rules over a whole list of languages: at least one, at most {@link #LANGUAGES_MAX}, each once, at least
     * one A, and a retour only on a B (a retour is working into one's B; one never works into a C, and always into
     * an A). {@code fields} names where each language came from (a form's {@code languages[2]}, or a CSV column).
     */
    static void checkLanguages(List<LanguageSkill> skills, List<String> fields, String field, List<Invalid> problems) {
        if (skills.isEmpty()) {
            problems.add(new Invalid(field, "roster.field.languages-required"));
            return;
        }
        if (skills.size() > LANGUAGES_MAX) {
            problems.add(new Invalid(field, "roster.field.too-many", LANGUAGES_MAX));
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < skills.size(); i++) {
            LanguageSkill skill = skills.get(i);
            if (seen.putIfAbsent(skill.language(), i) != null) {
                problems.add(new Invalid(fields.get(i), "roster.field.language-twice", skill.language()));
            }
            if (skill.retour() && skill.level() != LanguageClass.B) {
                problems.add(new Invalid(fields.get(i), "roster.field.retour-only-b", skill.language(), skill.level().name()));
            }
        }
        if (skills.stream().noneMatch(skill -> skill.level() == LanguageClass.A)) {
            problems.add(new Invalid(field, "roster.field.needs-a"));
        }
    }

    /**
     * Each day at most once (a whole day, a morning or an afternoon; both halves are written as the day), at most
     * {@link #AVAILABILITY_MAX} days, and, once the conference's days are known, only those.
     */
    static void checkAvailability(List<Availability> availability, List<String> fields, String field,
            Optional<Set<LocalDate>> conferenceDays, List<Invalid> problems) {
        if (availability.size() > AVAILABILITY_MAX) {
            problems.add(new Invalid(field, "roster.field.too-many", AVAILABILITY_MAX));
            return;
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < availability.size(); i++) {
            LocalDate day = availability.get(i).day();
            if (seen.putIfAbsent(day, i) != null) {
                problems.add(new Invalid(fields.get(i), "roster.field.day-twice", day.toString()));
            } else if (conferenceDays.isPresent() && !conferenceDays.get().contains(day)) {
                problems.add(new Invalid(fields.get(i), "roster.field.day-outside", day.toString()));
            }
        }
    }

    /**
     * Whether two entries say the same (everything but the version): a write that changes nothing is not made, so
     * that it neither moves the version nor counts as a change.
     */
    static boolean sameContent(InterpreterProfile a, InterpreterProfile b) {
        return a.interpreterId().equals(b.interpreterId()) && a.conferenceId().equals(b.conferenceId())
                && Objects.equals(a.registrationId(), b.registrationId()) && a.name().equals(b.name())
                && a.email().equals(b.email()) && Objects.equals(a.zoomEmail(), b.zoomEmail())
                && a.languages().equals(b.languages()) && a.mode() == b.mode()
                && a.availability().equals(b.availability()) && a.preferredPartners().equals(b.preferredPartners());
    }
}
