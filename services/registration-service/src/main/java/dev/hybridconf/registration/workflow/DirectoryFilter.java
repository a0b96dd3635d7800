package dev.hybridconf.registration.workflow;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.hybridconf.kit.errors.ProblemDetailsAdvice.FieldProblem;
import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * Which registrations an organiser asks for. Values of one parameter are alternatives (any of them
 * matches); different parameters must all match. An empty set means "any".
 *
 * @param terms search words, folded (lower case, no accents); each must occur in the name, e-mail,
 *              organisation or city
 */
record DirectoryFilter(Set<Registration.Status> statuses, Set<AttendanceMode> modes, Set<String> languages,
        Set<String> countries, Set<String> roles, List<String> terms) {

    static final DirectoryFilter ALL = new DirectoryFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of());

    private static final Set<String> LANGUAGES = new TreeSet<>(List.of("en", "fr", "es"));
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    DirectoryFilter {
        statuses = Set.copyOf(statuses);
        modes = Set.copyOf(modes);
        languages = Set.copyOf(languages);
        countries = Set.copyOf(countries);
        roles = Set.copyOf(roles);
        terms = List.copyOf(terms);
    }

    /**
     * Reads the query parameters; each may be repeated or comma-separated, and is case-insensitive.
     *
     * @throws InvalidParametersException naming every parameter with an unknown value
     */
    static DirectoryFilter parse(List<String> status, List<String> mode, List<String> language, List<String> country,
            List<String> role, String q, ProblemMessages messages, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Registration.Status> statuses = EnumSet.noneOf(Registration.Status.class);
        for (String value : values(status)) {
            choice(value.toUpperCase(Locale.ROOT), Registration.Status::valueOf, statuses, "status",
                    Arrays.stream(Registration.Status.values()).map(Enum::name).toList(), problems, messages, locale);
        }
        Set<AttendanceMode> modes = EnumSet.noneOf(AttendanceMode.class);
        for (String value : values(mode)) {
            choice(value.toUpperCase(Locale.ROOT).replace('-', '_'), AttendanceMode::valueOf, modes, "mode",
                    Arrays.stream(AttendanceMode.values()).map(Enum::name).toList(), problems, messages, locale);
        }
        Set<String> languages = new TreeSet<>();
        for (String value : values(language)) {
            choice(value.toLowerCase(Locale.ROOT), known(LANGUAGES), languages, "language", List.copyOf(LANGUAGES),
                    problems, messages, locale);
        }
        Set<String> countries = new TreeSet<>();
        for (String value : values(country)) {
            String code = value.toUpperCase(Locale.ROOT);
            if (COUNTRIES.contains(code)) {
                countries.add(code);
            } else {
                problems.add(new FieldProblem("country", messages.text("directory.unknown-country", locale, value)));
            }
        }
        Set<String> roles = new TreeSet<>();
        for (String value : values(role)) {
            choice(value.toLowerCase(Locale.ROOT), known(Registration.Roles.ALL), roles, "role",
                    List.copyOf(new TreeSet<>(Registration.Roles.ALL)), problems, messages, locale);
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        List<String> terms = q == null ? List.of()
                : Arrays.stream(fold(q).split("\\s+")).filter(term -> !term.isEmpty()).toList();
        return new DirectoryFilter(statuses, modes, languages, countries, roles, terms);
    }

    boolean matches(Registration registration) {
        if (!statuses.isEmpty() && !statuses.contains(registration.status())) {
            return false;
        }
        if (!modes.isEmpty() && !modes.contains(registration.attendanceMode())) {
            return false;
        }
        if (!languages.isEmpty() && !languages.contains(registration.preferredLanguage())) {
            return false;
        }
        if (!countries.isEmpty() && !countries.contains(registration.country())) {
            return false;
        }
        if (!roles.isEmpty() && registration.roles().stream().noneMatch(roles::contains)) {
            return false;
        }
        if (terms.isEmpty()) {
            return true;
        }
        // One folded text per registration; a term never holds a line break, so it cannot match across fields.
        String searchable = String.join("\n", fold(registration.fullName()), fold(registration.email()),
                fold(registration.organisation()), fold(registration.city()));
        return terms.stream().allMatch(searchable::contains);
    }

    /** Lower case without accents, so that "Bogota" finds "Bogotá" and "SAO PAULO" finds "São Paulo". */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    /** Each value of a repeated parameter, split at commas, trimmed, without blanks. */
    private static List<String> values(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String entry : raw) {
            if (entry != null) {
                Arrays.stream(entry.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(values::add);
            }
        }
        return List.copyOf(values);
    }

    private static Function<String, String> known(Set<String> allowed) {
        return value -> {
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException(value);
            }
            return value;
        };
    }

    private static <T> void choice(String value, Function<String, T> parse, Set<T> into, String parameter,
            List<String> allowed, List<FieldProblem> problems, ProblemMessages messages, Locale locale) {
        try {
            into.add(parse.apply(value));
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldProblem(parameter,
                    messages.text("directory.unknown-value", locale, value, String.join(", ", allowed))));
        }
    }
}
