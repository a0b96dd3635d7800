package dev.hybridconf.zoomemulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * An in-memory stand-in for the part of Zoom's API the platform uses, so that the whole platform runs and is tested
 * end to end without a Zoom account. The platform's Zoom client talks to it unchanged; only the base URLs differ.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZoomEmulatorApplication {

    static final String USAGE = """
            Usage: java -jar deploy/zoom-emulator/target/zoom-emulator-0.1.0-SNAPSHOT-exec.jar [--name=value ...]
            An in-memory stand-in for Zoom's API (OAuth, users, meetings, webinars, registrants, live streams,
            limits, faults, signed webhooks) with an admin API under /emulator. Settings are environment
            variables (or --property=value arguments), all optional:

              SERVER_PORT                   port (default 8090); SERVER_ADDRESS the address to listen on
              ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET   the Server-to-Server OAuth app
              ZOOM_EMULATOR_HOSTS           licensed host users, email or email:webinar, comma-separated
              ZOOM_EMULATOR_PUBLIC_URL      base of join, start and registration links
              ZOOM_EMULATOR_DAILY_CAP       meeting create/update requests per host per UTC day (default 100)
              ZOOM_EMULATOR_LIGHT_PER_SECOND, ..._MEDIUM_..., ..._HEAVY_...   per-second quotas
              ZOOM_WEBHOOK_URL              where to send webhooks, comma-separated (default: none)
              ZOOM_WEBHOOK_SECRET_TOKEN     the secret that signs webhooks

            Every setting, the admin API and what is imitated: deploy/zoom-emulator/README.md.
            """;

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        SpringApplication.run(ZoomEmulatorApplication.class, args);
    }
}
