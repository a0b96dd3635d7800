package dev.hybridconf.kit.errors;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Fields a service checked by hand (rather than with Bean Validation) and refused: answered like a
 * Bean Validation failure, 400 {@code validation} with {@code errors: [{field, message}]}, each message
 * in the caller's language.
 */
public class InvalidFieldsException extends ProblemException {

    /** One refused field and the key (with arguments) of what is wrong with it. */
    public record Invalid(String field, String messageKey, Object... arguments) {

        public Invalid {
            arguments = arguments.clone();
        }

        @Override
        public Object[] arguments() {
            return arguments.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Invalid that && field.equals(that.field) && messageKey.equals(that.messageKey)
                    && Arrays.equals(arguments, that.arguments);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * field.hashCode() + messageKey.hashCode()) + Arrays.hashCode(arguments);
        }

        @Override
        public String toString() {
            return field + ": " + messageKey + Arrays.toString(arguments);
        }
    }

    private final transient List<Invalid> fields;

    public InvalidFieldsException(List<Invalid> fields) {
        super(HttpStatus.BAD_REQUEST, "validation", "problem.validation");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field");
        }
        this.fields = List.copyOf(fields);
    }

    public List<Invalid> fields() {
        return fields;
    }
}
