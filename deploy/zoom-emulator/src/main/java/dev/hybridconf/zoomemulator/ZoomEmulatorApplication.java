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

    public static void main(String[] args) {
        SpringApplication.run(ZoomEmulatorApplication.class, args);
    }
}
