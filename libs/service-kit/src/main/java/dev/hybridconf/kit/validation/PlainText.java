package dev.hybridconf.kit.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person reads (a name, an organisation, a title, a room): no NUL or other control
 * characters, no invisible direction overrides, no broken UTF-16 (see {@link PlainTextRules}). Null is
 * valid; combine with {@code @NotBlank} where the text is required. With {@code multiline = true} line
 * breaks and tabs are allowed too, for free text such as a description or accessibility needs.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    /** Resolved from the kit's {@code ContributorValidationMessages} (en, fr, es). */
    String message() default "{hybridconf.plain-text}";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, CharSequence> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || PlainTextRules.isPlain(value, multiline);
        }
    }
}
