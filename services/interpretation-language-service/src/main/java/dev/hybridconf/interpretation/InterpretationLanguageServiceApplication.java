package dev.hybridconf.interpretation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.hybridconf.kit.EnableServiceKit;

/** Conference languages, interpreter roster, language demand and booth staffing. */
@SpringBootApplication
@EnableServiceKit
public class InterpretationLanguageServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(InterpretationLanguageServiceApplication.class, args);
    }
}
