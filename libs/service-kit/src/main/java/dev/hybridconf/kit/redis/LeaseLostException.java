package dev.hybridconf.kit.redis;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/**
 * The write that ends some work was refused because the work's lease was lost: another holder was given a newer
 * fencing token meanwhile. Nothing was written; the worker stops, and the new holder's result stands.
 */
public class LeaseLostException extends ProblemException {

    public LeaseLostException(String leaseName) {
        super(HttpStatus.CONFLICT, "lease-lost", "problem.lease-lost", leaseName);
    }
}
