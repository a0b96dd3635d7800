package dev.hybridconf.streaming.zoom;

import java.util.Locale;
import java.util.Optional;

/** Zoom's fixed list of interpretation languages through the API, with the ids it expects. */
public enum ZoomLanguage {
    ENGLISH("US", "en"), FRENCH("FR", "fr"), SPANISH("ES", "es"), GERMAN("DE", "de"), PORTUGUESE("PT", "pt"),
    CHINESE("CN", "zh"), JAPANESE("JP", "ja"), RUSSIAN("RU", "ru"), KOREAN("KR", "ko");

    private final String zoomId;
    private final String iso;

    ZoomLanguage(String zoomId, String iso) {
        this.zoomId = zoomId;
        this.iso = iso;
    }

    public String zoomId() {
        return zoomId;
    }

    /** The ISO 639-1 code of the language. */
    public String iso() {
        return iso;
    }

    /** The Zoom language for an ISO 639-1 code ({@code en}, {@code fr}, {@code es}), if Zoom offers it. */
    public static Optional<ZoomLanguage> forIso(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (ZoomLanguage language : values()) {
            if (language.iso.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
