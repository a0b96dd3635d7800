package dev.hybridconf.interpretation.planning;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * A seat of a booth, the planning entity: its interpreter is the variable, null is a gap. A seat kept from
 * the published plan is pinned; one whose published interpreter now clashes with another pin is released
 * (unpinned, empty) but still remembers them ({@code kept}), so the solver puts them back where the rules allow.
 */
@PlanningEntity
final class Seat {

    @PlanningId
    private String id;
    private Booth booth;
    private int index;
    @ValueRangeProvider(id = "candidates")
    private List<Interpreter> candidates;
    @PlanningVariable(valueRangeProviderRefs = "candidates", allowsUnassigned = true)
    private Interpreter interpreter;
    @PlanningPin
    private boolean pinned;
    private Interpreter kept;

    Seat() {
        // for the solver's cloner
    }

    Seat(Booth booth, int index) {
        this.id = booth.key + "/" + index;
        this.booth = booth;
        this.index = index;
        this.candidates = booth.candidates;
    }

    String id() {
        return id;
    }

    Booth booth() {
        return booth;
    }

    int index() {
        return index;
    }

    Interpreter interpreter() {
        return interpreter;
    }

    void assign(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    boolean pinned() {
        return pinned;
    }

    void pin(Interpreter interpreter) {
        this.interpreter = interpreter;
        this.kept = interpreter;
        this.pinned = true;
    }

    /** Unpins the seat and empties it; it still remembers whom it would rather keep. */
    void release() {
        this.pinned = false;
        this.interpreter = null;
    }

    Interpreter kept() {
        return kept;
    }

    boolean needsRelay() {
        return interpreter != null && booth.needsRelay(interpreter);
    }

    @Override
    public String toString() {
        return id + "=" + interpreter;
    }
}
