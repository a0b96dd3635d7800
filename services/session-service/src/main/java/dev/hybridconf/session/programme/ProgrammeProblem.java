package dev.hybridconf.session.programme;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One thing wrong with a programme file or request: where it is ({@code sessions[3].end}, or a
 * request field such as {@code end}) and a message key with its arguments, rendered in the reader's
 * language when answered. Arguments that are texts in several languages ({@link Texts}) are rendered
 * in the reader's language too.
 */
record ProgrammeProblem(String path, String key, List<Object> args) {

    ProgrammeProblem {
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    static ProgrammeProblem of(String path, String key, Object... args) {
        return new ProgrammeProblem(path, key, java.util.Arrays.asList(args));
    }

    /** The arguments as the message bundle takes them, in {@code locale}. */
    Object[] arguments(Locale locale) {
        return args.stream().map(a -> a instanceof Texts texts ? Languages.in(texts.values(), locale) : a).toArray();
    }

    /** A text given in several languages (a session title), shown to each reader in theirs. */
    record Texts(Map<String, String> values) {
    }

    /** Joins a path and a field name: {@code sessions[3]} + {@code end}, or just {@code end} at the top. */
    static String at(String path, String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }
}
