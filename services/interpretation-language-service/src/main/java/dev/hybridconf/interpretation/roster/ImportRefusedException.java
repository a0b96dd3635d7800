package dev.hybridconf.interpretation.roster;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An import refused as a whole because some rows are wrong: 400 {@code roster-import-refused} with
 * {@code errors: [{line, column, message}]} (the first {@link #SHOWN}) and the number of refused rows. Nothing
 * was written.
 */
class ImportRefusedException extends RosterProblem {

    static final int SHOWN = 200;

    /** One problem of one row: its line, its column (null for the row as a whole), what is wrong, in the reader's language. */
    record RowError(long line, String column, String message) {
    }

    private final transient List<RowError> errors;
    private final int refusedRows;
    private final int rows;

    ImportRefusedException(List<RowError> errors, int refusedRows, int rows) {
        super(HttpStatus.BAD_REQUEST, "roster-import-refused", "roster.import.refused", refusedRows, rows);
        this.errors = List.copyOf(errors.size() > SHOWN ? errors.subList(0, SHOWN) : errors);
        this.refusedRows = refusedRows;
        this.rows = rows;
    }

    List<RowError> errors() {
        return errors;
    }

    int refusedRows() {
        return refusedRows;
    }

    int rows() {
        return rows;
    }
}
