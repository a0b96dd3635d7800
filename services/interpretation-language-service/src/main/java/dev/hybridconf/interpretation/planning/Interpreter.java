package dev.hybridconf.interpretation.planning;

import java.util.Set;

import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.WorkMode;

/**
 * An interpreter as the solver sees them: the roster profile and a stable position in the roster (the
 * solver's planning value; identity equality, one instance per interpreter per solve).
 */
final class Interpreter {

    private final InterpreterProfile profile;
    private final int index;

    Interpreter(InterpreterProfile profile, int index) {
        this.profile = profile;
        this.index = index;
    }

    InterpreterProfile profile() {
        return profile;
    }

    String id() {
        return profile.interpreterId();
    }

    int index() {
        return index;
    }

    boolean remote() {
        return profile.mode() == WorkMode.REMOTE;
    }

    Set<String> partners() {
        return profile.preferredPartners();
    }

    boolean canGiveRelay(String language) {
        return profile.canGiveRelay(language);
    }

    @Override
    public String toString() {
        return id();
    }
}
