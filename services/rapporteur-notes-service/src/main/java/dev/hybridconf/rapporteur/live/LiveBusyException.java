package dev.hybridconf.rapporteur.live;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** This replica serves as many live streams as it may: 503 {@code live-busy}, ask again shortly (Retry-After). */
class LiveBusyException extends ProblemException {

    LiveBusyException() {
        super(Duration.ofSeconds(5), HttpStatus.SERVICE_UNAVAILABLE, "live-busy", "live.busy");
    }
}
