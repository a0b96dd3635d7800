package dev.hybridconf.kit.deadletter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Where a dead letter is: its partition and offset in the dead-letter topic. */
public record DeadLetterPosition(@NotNull @Min(0) @Max(100_000) Integer partition, @NotNull @Min(0) Long offset) {

    @Override
    public String toString() {
        return partition + ":" + offset;
    }
}
