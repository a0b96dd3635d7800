package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Zoom's limits as a client meets them: per-second quotas per category shared by every caller of the account, the
 * daily create/update cap per host user, and 429s with, without, or with only some of Zoom's headers.
 */
class RateLimitTests extends EmulatorTestSupport {

    @Test
    void beyondACategorysPerSecondQuotaEveryCallerGets429WithZoomsHeaders() {
        long id = createMeeting(HOST, null).path("id").asLong();
        admin("PUT", "/limits", "{\"light\":1}");
        String otherCaller = zoom.token();

        List<ZoomHttp.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(zoom.get("/v2/meetings/" + id, i % 2 == 0 ? token : otherCaller));
        }

        List<ZoomHttp.Answer> limited = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(limited).as("six Light calls against a quota of one per second, from two callers").isNotEmpty();
        ZoomHttp.Answer first = limited.get(0);
        assertThat(first.json().path("code").asInt()).isEqualTo(429);
        assertThat(first.json().path("message").asString())
                .isEqualTo("You have reached the maximum per-second rate limit for this API. Try again later.");
        assertThat(first.header("X-RateLimit-Category")).isEqualTo("Light");
        assertThat(first.header("X-RateLimit-Type")).isEqualTo("QPS");
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("1");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(first.header("Retry-After")).isEqualTo("1");
        assertThat(zoom.get("/v2/users", token).status()).as("another category has its own quota").isEqualTo(200);
    }

    @Test
    void a429MayComeWithoutRetryAfterOrWithoutAnyRateLimitHeader() {
        admin("PUT", "/limits", "{\"medium\":1,\"headers\":\"WITHOUT_RETRY_AFTER\"}");
        ZoomHttp.Answer withoutRetryAfter = firstLimited();
        assertThat(withoutRetryAfter.header("X-RateLimit-Type")).isEqualTo("QPS");
        assertThat(withoutRetryAfter.header("Retry-After")).isNull();

        admin("PUT", "/limits", "{\"headers\":\"NONE\"}");
        ZoomHttp.Answer bare = firstLimited();
        assertThat(bare.json().path("code").asInt()).isEqualTo(429);
        assertThat(bare.headers().names()).noneMatch(name -> name.toLowerCase().startsWith("x-ratelimit"))
                .doesNotContain("Retry-After");

        admin("PUT", "/limits", "{\"headers\":\"ALTERNATE\"}");
        zoom.put("/emulator/faults", "[{\"path\":\"/v2/users\",\"tooManyRequestsRate\":1,\"times\":2}]", null);
        ZoomHttp.Answer withHeaders = zoom.get("/v2/users", token);
        ZoomHttp.Answer without = zoom.get("/v2/users", token);
        assertThat(withHeaders.header("Retry-After")).isEqualTo("1");
        assertThat(without.header("Retry-After")).isNull();
        assertThat(without.header("X-RateLimit-Category")).isNull();
    }

    @Test
    void eachHostUserMayCreateOrUpdateALimitedNumberOfMeetingsPerUtcDay() {
        admin("PUT", "/limits", "{\"dailyMeetingCreateUpdatePerHost\":3}");
        String body = "{\"type\":2,\"start_time\":\"2026-06-02T14:00:00Z\"}";

        ZoomHttp.Answer first = zoom.post("/v2/users/" + HOST + "/meetings", body, token);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("2");
        long id = first.json().path("id").asLong();
        assertThat(zoom.patch("/v2/meetings/" + id, "{\"topic\":\"Renamed\"}", token).header("X-RateLimit-Remaining"))
                .isEqualTo("1");
        assertThat(zoom.post("/v2/users/" + HOST + "/meetings", body, token).status()).isEqualTo(201);

        ZoomHttp.Answer capped = zoom.post("/v2/users/" + HOST + "/meetings", body, token);
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.json().path("message").asString()).isEqualTo("You have exceeded the daily rate limit (3)"
                + " of Meeting Create/Update API requests permitted for this particular user. You may resume these"
                + " requests at GMT 00:00:00.");
        assertThat(capped.header("X-RateLimit-Type")).isEqualTo("Daily-limit");
        assertThat(capped.header("X-RateLimit-Remaining")).isEqualTo("0");
        String now = zoom.get("/emulator/clock", null).json().path("now").asString();
        Instant midnight = LocalDate.ofInstant(Instant.parse(now), ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(Instant.parse(capped.header("Retry-After"))).isEqualTo(midnight);
        assertThat(zoom.patch("/v2/meetings/" + id, "{\"topic\":\"Again\"}", token).status())
                .as("updates count too").isEqualTo(429);
        assertThat(zoom.get("/v2/meetings/" + id, token).status()).as("reads do not count").isEqualTo(200);
        assertThat(zoom.post("/v2/users/" + OTHER_HOST + "/meetings", body, token).status())
                .as("another host has a cap of their own").isEqualTo(201);

        long toMidnight = midnight.getEpochSecond() - Instant.parse(now).getEpochSecond() + 1;
        admin("POST", "/clock", "{\"advanceSeconds\":" + toMidnight + "}");
        assertThat(zoom.post("/v2/users/" + HOST + "/meetings", body, zoom.token()).status())
                .as("after 00:00 UTC").isEqualTo(201);
    }

    /** Medium calls (listing users) until one is limited. */
    private ZoomHttp.Answer firstLimited() {
        for (int i = 0; i < 10; i++) {
            ZoomHttp.Answer answer = zoom.get("/v2/users", token);
            if (answer.status() == 429) {
                return answer;
            }
        }
        throw new AssertionError("ten Medium calls against a quota of one per second were never limited");
    }
}
