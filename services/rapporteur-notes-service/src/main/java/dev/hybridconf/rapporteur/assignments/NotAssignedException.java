package dev.hybridconf.rapporteur.assignments;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/**
 * A rapporteur who may read a day (every rapporteur may) but is not assigned to it tried to write: 403
 * {@code not-assigned}, so they learn why rather than that the object does not exist.
 */
public class NotAssignedException extends ProblemException {

    public NotAssignedException(LocalDate day) {
        super(HttpStatus.FORBIDDEN, "not-assigned", "summaries.not-assigned", day.toString());
    }
}
