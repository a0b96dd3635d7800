package dev.hybridconf.interpretation.roster;

import java.util.List;

/**
 * What an import did (or, for a dry run, would do): every row with its line and outcome. Imports are all or
 * nothing, so a report only exists when every row was accepted; refusals are problem details.
 *
 * @param rows every data row, in file order
 */
record ImportReport(String conferenceId, boolean dryRun, int created, int updated, int unchanged, List<RowOutcome> rows) {

    ImportReport {
        rows = List.copyOf(rows);
    }

    enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    /** One row: its line, the e-mail it matched or created, the roster id, and what happened. */
    record RowOutcome(long line, String email, String interpreterId, Outcome outcome) {
    }
}
