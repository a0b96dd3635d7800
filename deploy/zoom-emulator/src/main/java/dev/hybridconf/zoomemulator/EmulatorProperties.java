package dev.hybridconf.zoomemulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.hybridconf.zoomemulator.faults.FaultRule;
import dev.hybridconf.zoomemulator.gate.RateLimitHeaders;

/**
 * What the emulator starts with ({@code emulator.*} in {@code application.yml}, each with an environment variable).
 * Limits, faults and webhook targets can be changed at run time through the admin API; a reset returns to these.
 *
 * @param accountId the account id the token endpoint expects ({@code account_id})
 * @param clientId the Server-to-Server OAuth client id (HTTP Basic user)
 * @param clientSecret the client secret (HTTP Basic password)
 * @param publicUrl where clients reach the emulator (join, start and registration links are built on it); empty:
 *        taken from each request
 * @param apiUrl the {@code api_url} the token endpoint names, without {@code /v2} (Zoom names a regional host such
 *        as {@code https://api-eu.zoom.us}); empty: the public URL
 * @param scope the {@code scope} the token endpoint reports
 * @param tokenLifetime how long an access token works (Zoom: one hour)
 * @param startUrlLifetime how long a host's {@code start_url} works (Zoom: about two hours for normal users)
 * @param hosts the licensed host users, {@code email[:webinar]} separated by commas
 * @param limits per-second limits and the daily create/update cap
 * @param webhooks where webhooks go and how they are signed and retried
 * @param faults faults injected from the start
 * @param customSignLanguages the sign languages the account added in Zoom's web portal (besides Zoom's own), names
 *        separated by commas: accepted as {@code sign_language} of sign language interpreters
 */
@ConfigurationProperties("emulator")
public record EmulatorProperties(String accountId, String clientId, String clientSecret, String publicUrl,
        String apiUrl, String scope, Duration tokenLifetime, Duration startUrlLifetime, String hosts, Limits limits,
        Webhooks webhooks, List<FaultRule> faults, String customSignLanguages) {

    public EmulatorProperties {
        accountId = orDefault(accountId, "hybridconf-demo-account");
        clientId = orDefault(clientId, "hybridconf-demo-client");
        clientSecret = orDefault(clientSecret, "hybridconf-demo-secret");
        publicUrl = trimSlash(publicUrl);
        apiUrl = trimSlash(apiUrl);
        scope = orDefault(scope, "meeting:read:admin meeting:write:admin webinar:read:admin webinar:write:admin"
                + " user:read:admin");
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
        startUrlLifetime = startUrlLifetime == null ? Duration.ofHours(2) : startUrlLifetime;
        hosts = hosts == null ? "" : hosts;
        limits = limits == null ? new Limits(0, 0, 0, 0, null) : limits;
        webhooks = webhooks == null ? new Webhooks(null, null, null, null) : webhooks;
        faults = faults == null ? List.of() : List.copyOf(faults);
        customSignLanguages = customSignLanguages == null ? "" : customSignLanguages;
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("emulator.token-lifetime must be positive");
        }
    }

    /** The configured host users. */
    public List<HostSpec> hostSpecs() {
        List<HostSpec> specs = new ArrayList<>();
        for (String part : hosts.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            boolean webinar = false;
            int colon = entry.indexOf(':');
            if (colon > 0) {
                String flag = entry.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                if (!flag.equals("webinar")) {
                    throw new IllegalArgumentException("emulator.hosts: '" + entry + "' should be email or email:webinar");
                }
                webinar = true;
                entry = entry.substring(0, colon).trim();
            }
            specs.add(new HostSpec(entry, webinar));
        }
        return specs;
    }

    /**
     * Zoom's own sign languages, as a user's settings list them ({@code sign_language_interpretation.languages}) and
     * as a sign language interpreter's {@code sign_language} names them.
     */
    public static final List<String> ZOOM_SIGN_LANGUAGES = List.of("American", "Chinese", "French", "German",
            "Japanese", "Russian", "Brazilian", "Spanish", "Mexican", "British");

    /** The custom sign languages, trimmed, without blanks. */
    public List<String> customSignLanguageNames() {
        List<String> names = new ArrayList<>();
        for (String part : customSignLanguages.split(",")) {
            if (!part.isBlank() && !ZOOM_SIGN_LANGUAGES.contains(part.trim())) {
                names.add(part.trim());
            }
        }
        return names;
    }

    /** Every sign language the account offers: Zoom's own and its custom ones. */
    public Set<String> signLanguages() {
        Set<String> all = new LinkedHashSet<>(ZOOM_SIGN_LANGUAGES);
        all.addAll(customSignLanguageNames());
        return all;
    }

    /** One configured host user. */
    public record HostSpec(String email, boolean webinarLicence) {
    }

    /**
     * Zoom's limits as the emulator enforces them. A limit of 0 or less switches it off.
     *
     * @param light requests per second in the Light category, shared by every caller (Business+ plans: 80)
     * @param medium requests per second in the Medium category (60)
     * @param heavy requests per second in the Heavy category (40)
     * @param dailyMeetingCreateUpdatePerHost meeting and webinar create/update requests per host user per UTC day (100)
     * @param headers which headers a 429 carries
     */
    public record Limits(int light, int medium, int heavy, int dailyMeetingCreateUpdatePerHost,
            RateLimitHeaders headers) {

        public Limits {
            headers = headers == null ? RateLimitHeaders.ALL : headers;
        }
    }

    /**
     * Webhook delivery.
     *
     * @param urls the platform's event notification endpoints (each event goes to all)
     * @param secretToken the app's secret token that signs every webhook
     * @param timeout how long the emulator waits for an answer (Zoom: 3 s)
     * @param retryDelays the pauses before each retry of a failed delivery (Zoom: 5, 20 and 60 minutes)
     */
    public record Webhooks(List<String> urls, String secretToken, Duration timeout, List<Duration> retryDelays) {

        public Webhooks {
            urls = urls == null ? List.of() : urls.stream().map(String::trim).filter(url -> !url.isEmpty()).toList();
            secretToken = orDefault(secretToken, "hybridconf-demo-webhook-secret");
            timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
            retryDelays = retryDelays == null ? List.of(Duration.ofSeconds(1), Duration.ofSeconds(4),
                    Duration.ofSeconds(12)) : List.copyOf(retryDelays);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String trimSlash(String url) {
        if (url == null) {
            return "";
        }
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
