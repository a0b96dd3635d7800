package dev.hybridconf.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public base URL is checked at start-up: an absolute http(s) address, kept without trailing slashes. */
class PublicBaseUrlTests {

    @Test
    void aPrefixIsKeptAndTrailingSlashesAreNot() {
        PublicBaseUrl base = new PublicBaseUrl(" https://conference.example.org/hybridconf// ");

        assertThat(base.base()).isEqualTo("https://conference.example.org/hybridconf");
        assertThat(base.resolve("/api/sessions/x")).isEqualTo("https://conference.example.org/hybridconf/api/sessions/x");
        assertThat(new PublicBaseUrl("http://localhost:8080").uri("/api/sessions/x").toString())
                .isEqualTo("http://localhost:8080/api/sessions/x");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "localhost:8080", "//evil.example", "/api", "javascript:alert(1)",
            "ftp://conference.example.org", "webcal://conference.example.org", "https://", "https:///path",
            "https://user:secret@conference.example.org", "https://conference.example.org/?next=evil",
            "https://conference.example.org/#top", "https://conference example.org", "mailto:x@example.org" })
    void anythingElseStopsTheStartWithTheSettingNamed(String configured) {
        assertThatThrownBy(() -> new PublicBaseUrl(configured)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.public-base-url");
    }

    @Test
    void aRelativePathIsNotAnAddress() {
        assertThatThrownBy(() -> new PublicBaseUrl("https://conference.example.org").resolve("api"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
