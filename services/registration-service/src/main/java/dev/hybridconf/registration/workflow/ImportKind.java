package dev.hybridconf.registration.workflow;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a CSV import creates, and the columns its header may name. Header names are matched ignoring
 * case, spaces, dashes and underscores ({@code Full name}, {@code full_name} and {@code fullName} are
 * the same column); blank header cells mark columns to ignore.
 */
enum ImportKind {

    /** Registrations, as if each row were the JSON form: same fields, same validation. */
    REGISTRATIONS(List.of("fullName", "email", "organisation", "position", "city", "country", "attendanceMode",
            "preferredLanguage", "interpretationNeeded", "interpretationLanguage", "accessibilityNeeds", "timeZone",
            "sponsorshipRequested", "sponsorshipJustification", "privacyConsent"),
            List.of("fullName", "email", "organisation", "position", "city", "country", "attendanceMode",
                    "preferredLanguage", "privacyConsent"),
            Map.of("organization", "organisation", "name", "fullName", "language", "preferredLanguage",
                    "mode", "attendanceMode")),

    /** Invitations: {@code email}, {@code roles} (separated by {@code ;} or {@code |}), {@code skipReview}. */
    INVITATIONS(List.of("email", "roles", "skipReview", "language"), List.of("email"), Map.of());

    private final List<String> columns;
    private final List<String> required;
    private final Map<String, String> byKey;

    ImportKind(List<String> columns, List<String> required, Map<String, String> aliases) {
        this.columns = columns;
        this.required = required;
        Map<String, String> keys = columns.stream().collect(Collectors.toMap(ImportKind::key, Function.identity()));
        aliases.forEach((alias, column) -> keys.put(key(alias), column));
        this.byKey = Map.copyOf(keys);
    }

    /** As the {@code kind} parameter names it: {@code registrations} or {@code invitations}. */
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ImportKind> fromParameter(String value) {
        for (ImportKind kind : values()) {
            if (kind.parameter().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    List<String> columns() {
        return columns;
    }

    List<String> required() {
        return required;
    }

    /** The column a header cell names, if it is one of this kind's. */
    Optional<String> column(String header) {
        return Optional.ofNullable(byKey.get(key(header)));
    }

    private static String key(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
    }
}
