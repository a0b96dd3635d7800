package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The emulator as a command: {@code --help} says how to run and configure it, and starts no server. */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTests {

    @Test
    void helpPrintsTheSettingsAndReturnsWithoutStarting(CapturedOutput output) {
        ZoomEmulatorApplication.main(new String[] { "--help" });

        assertThat(output.getOut()).startsWith("Usage:").contains("SERVER_PORT", "ZOOM_WEBHOOK_URL",
                "ZOOM_EMULATOR_HOSTS", "README.md");
        assertThat(output.getAll()).as("no Spring application started").doesNotContain("Started ZoomEmulatorApplication",
                "Tomcat");
    }
}
