package dev.hybridconf.streaming.interpretation;

import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * The names of interpretation languages in English, French and Spanish ({@code language.<code>} in the service's
 * messages), for the board and the join answer; a code without a name is shown as the code.
 */
@Component
public class LanguageNames {

    private final ProblemMessages messages;

    LanguageNames(ProblemMessages messages) {
        this.messages = messages;
    }

    public String name(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String key = "language." + code.trim().toLowerCase(Locale.ROOT);
        String name = messages.text(key, locale);
        return name == null || name.equals(key) ? code : name;
    }
}
