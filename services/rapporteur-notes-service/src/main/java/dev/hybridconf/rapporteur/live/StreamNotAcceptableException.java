package dev.hybridconf.rapporteur.live;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/**
 * The live stream is opened only for a client that asks for one ({@code Accept: text/event-stream}, as
 * {@code EventSource} and the portal send): anything else (a plain {@code GET}, a crawler, a probe) is answered 406
 * at once instead of being held on a stream that never ends.
 */
class StreamNotAcceptableException extends ProblemException {

    StreamNotAcceptableException() {
        super(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "live.stream.accept");
    }
}
