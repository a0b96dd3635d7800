package dev.hybridconf.rapporteur;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.hybridconf.kit.EnableServiceKit;

/** Rapporteur notes, the day's conclusions corpus and trend summaries. */
@SpringBootApplication
@EnableServiceKit
public class RapporteurNotesServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RapporteurNotesServiceApplication.class, args);
    }
}
