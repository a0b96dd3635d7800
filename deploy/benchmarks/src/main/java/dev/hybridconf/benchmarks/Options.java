package dev.hybridconf.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A benchmark's command line: {@code --name value} or {@code --name=value}, only the names it knows. */
final class Options {

    private Options() {
    }

    /** The options given (name without dashes → value), or null when help was asked for. */
    static Map<String, String> parse(String[] args, List<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + arg + "' (--help lists them)");
            }
            String value;
            if (equals > 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name.substring(2), value);
        }
        return options;
    }

    /** A whole number from 1 to {@code max}, or {@code fallback} when the option was not given. */
    static int positive(Map<String, String> options, String name, int fallback, int max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1 || parsed > max) {
                throw new IllegalArgumentException("--" + name + " must be between 1 and " + max + ", not " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value, e);
        }
    }
}
