package dev.hybridconf.registration.workflow;

import dev.hybridconf.kit.errors.ConflictException;

/** A review step that the registration's current status does not allow, e.g. approving a cancelled one. */
class IllegalTransitionException extends ConflictException {

    IllegalTransitionException(Registration.Status from, Registration.Status to) {
        super("illegal-transition", "registration.illegal-transition", from.name(), to.name());
    }
}
