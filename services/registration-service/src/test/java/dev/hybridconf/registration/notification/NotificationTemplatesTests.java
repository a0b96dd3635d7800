package dev.hybridconf.registration.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hybridconf.testinfra.TranslationAssertions;

/** Every message exists in English, French and Spanish and renders completely. */
class NotificationTemplatesTests {

    private static final Map<String, String> VALUES = Map.of("name", "Aminata Diallo",
            "conference", "Local Action: Local solutions for the SDGs",
            "link", "https://portal.example/access/abc123", "replyBy", "25 November 2026, 10:00:00 CET");

    private final NotificationTemplates templates = new NotificationTemplates();

    @Test
    void theBundleIsCompleteInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish(NotificationTemplates.BASENAME);
    }

    @Test
    void everyNoticeRendersInEveryLanguageWithNoPlaceholderLeft() {
        for (Notice notice : Notice.values()) {
            for (String language : NotificationTemplates.LANGUAGES) {
                NotificationTemplates.Rendered rendered = templates.render(notice, language, VALUES);
                String where = notice + " in " + language;
                assertThat(rendered.subject()).as(where).contains(VALUES.get("conference"))
                        .doesNotContain("{", "}").doesNotContain("Aminata");
                assertThat(rendered.body()).as(where).contains(VALUES.get("conference")).doesNotContain("{", "}", "''");
                if (notice != Notice.INVITATION) {
                    assertThat(rendered.body()).as(where + ": addressed by name").contains("Aminata Diallo");
                }
                if (notice == Notice.APPROVED || notice == Notice.OFFER || notice == Notice.INVITATION) {
                    assertThat(rendered.body()).as(where).contains(VALUES.get("link"));
                    if (notice == Notice.OFFER) {
                        assertThat(rendered.body()).as(where).contains(VALUES.get("replyBy"));
                    }
                } else {
                    assertThat(rendered.body()).as(where).doesNotContain(VALUES.get("link"));
                }
            }
        }
    }

    @Test
    void messagesAreWrittenInTheParticipantsLanguage() {
        assertThat(templates.render(Notice.RECEIVED, "en", VALUES).body()).contains("Dear Aminata Diallo,");
        assertThat(templates.render(Notice.RECEIVED, "fr", VALUES).body()).contains("Bonjour Aminata Diallo,",
                "L'équipe d'organisation");
        assertThat(templates.render(Notice.RECEIVED, "es", VALUES).body()).contains("Estimado/a Aminata Diallo:",
                "inscripción");
        assertThat(templates.render(Notice.APPROVED, "es", VALUES).subject()).startsWith("Su inscripción ha sido aprobada");
    }

    @Test
    void receivedAndWaitlistedAskNotToBookTravelBeforeApproval() {
        for (Notice notice : new Notice[] {Notice.RECEIVED, Notice.WAITLISTED}) {
            assertThat(templates.render(notice, "en", VALUES).body()).contains("do not book travel");
            assertThat(templates.render(notice, "fr", VALUES).body()).contains("ne réserver ni voyage");
            assertThat(templates.render(notice, "es", VALUES).body()).contains("no reserve viajes");
        }
    }

    @Test
    void anUnsupportedLanguageFallsBackToEnglish() {
        assertThat(NotificationTemplates.supported("de")).isEqualTo("en");
        assertThat(NotificationTemplates.supported(null)).isEqualTo("en");
        assertThat(NotificationTemplates.supported(" FR ")).isEqualTo("fr");
        assertThat(templates.render(Notice.REJECTED, "de", VALUES).body()).startsWith("Dear ");
    }

    @Test
    void aValueIsNeverReadAsATemplateAndAMissingValueIsAnError() {
        var rendered = templates.render(Notice.RECEIVED, "en",
                Map.of("name", "{conference} $1 \\", "conference", "Conf"));
        assertThat(rendered.body()).contains("Dear {conference} $1 \\,");

        assertThatThrownBy(() -> templates.render(Notice.APPROVED, "en", Map.of("name", "A", "conference", "C")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{link}");
    }

    @Test
    void aMessageNeverShowsItsAddressOrBodyWhenPrinted() {
        var message = new MailPort.Message("aminata.diallo@dakar.sn", "Subject", "secret link https://x/y", "fr");
        assertThat(message.toString()).doesNotContain("aminata", "secret").contains("dakar.sn");
        assertThat(message.recipientDomain()).isEqualTo("dakar.sn");
    }
}
