package dev.hybridconf.registration;

import org.springframework.boot.SpringApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.hybridconf.kit.EnableServiceKit;

/** Participants, registrations and, in the local default, participant identity. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableServiceKit
@EnableScheduling
public class RegistrationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistrationServiceApplication.class, args);
    }
}
