package dev.hybridconf.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The access log writes what a caller sent as the path, but never lets it forge or flood lines. */
class AccessLogTests {

    @Test
    void pathsAreWrittenOnOneLineWhateverTheyHold() {
        assertThat(AccessLog.printable("/api/sessions/a\r\nINFO forged line"))
                .isEqualTo("/api/sessions/a??INFO forged line");
        assertThat(AccessLog.printable("/api/" + "x".repeat(500))).hasSize(201).endsWith("…");
        assertThat(AccessLog.printable("/api/sessions/séance-ñ")).isEqualTo("/api/sessions/séance-ñ");
    }
}
