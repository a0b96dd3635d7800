package dev.hybridconf.registration.workflow;

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
 * Fields that depend on each other: a needed interpretation names its language, a sponsorship
 * request says why. Each failure is reported on the field that is missing.
 */
@Documented
@Constraint(validatedBy = ConsistentRequest.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentRequest {

    String message() default "{registration.required-with}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The fields the check reads. */
    interface Checked {
        Boolean interpretationNeeded();

        String interpretationLanguage();

        Boolean sponsorshipRequested();

        String sponsorshipJustification();
    }

    class Validator implements ConstraintValidator<ConsistentRequest, Checked> {

        @Override
        public boolean isValid(Checked request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (Boolean.TRUE.equals(request.interpretationNeeded()) && blank(request.interpretationLanguage())) {
                context.buildConstraintViolationWithTemplate("{registration.interpretation.language-required}")
                        .addPropertyNode("interpretationLanguage").addConstraintViolation();
                valid = false;
            }
            if (Boolean.TRUE.equals(request.sponsorshipRequested()) && blank(request.sponsorshipJustification())) {
                context.buildConstraintViolationWithTemplate("{registration.sponsorship.justification-required}")
                        .addPropertyNode("sponsorshipJustification").addConstraintViolation();
                valid = false;
            }
            return valid;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
