package dev.hybridconf.registration.workflow;

import dev.hybridconf.kit.errors.ConflictException;

/** A change the registration's current state does not allow (other than a status transition). */
class RegistrationRuleException extends ConflictException {

    RegistrationRuleException(String slug, String messageKey, Object... arguments) {
        super(slug, messageKey, arguments);
    }
}
