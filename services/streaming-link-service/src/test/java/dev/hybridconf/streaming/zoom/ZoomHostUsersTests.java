package dev.hybridconf.streaming.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.RecordedRequest;

/** Host users and their scheduled meetings: what the host pool and provisioning ask Zoom. */
class ZoomHostUsersTests {

    private final ZoomFixture zoom = new ZoomFixture();
    private ZoomClient client;

    @BeforeEach
    void token() {
        client = zoom.client();
        zoom.enqueueToken("token-A");
    }

    @AfterEach
    void close() {
        zoom.close();
    }

    @Test
    void aUserIsReadWithItsWebinarLicenceFromItsSettings() {
        zoom.server.enqueue(ZoomFixture.json(200, """
                {"id":"KDcuGIm1QgePTO8WbOqwIQ","first_name":"Host","last_name":"One",
                 "email":"host1@hybridconf.example","type":2,"status":"active","timezone":"UTC"}"""));
        zoom.server.enqueue(ZoomFixture.json(200, """
                {"schedule_meeting":{"host_video":false},"feature":{"meeting_capacity":300,"large_meeting":false,
                 "webinar":true,"webinar_capacity":500}}"""));

        ZoomUser user = client.user("host1@hybridconf.example");

        assertThat(user).isEqualTo(new ZoomUser("KDcuGIm1QgePTO8WbOqwIQ", "host1@hybridconf.example", 2, "active",
                true));
        zoom.take();
        assertThat(zoom.take().getRequestLine()).isEqualTo("GET /v2/users/host1%40hybridconf.example HTTP/1.1");
        assertThat(zoom.take().getRequestLine())
                .isEqualTo("GET /v2/users/host1%40hybridconf.example/settings HTTP/1.1");
    }

    @Test
    void settingsThatCannotBeReadLeaveTheLicenceUnknownAndAnUnknownUserIsNotFound() {
        zoom.server.enqueue(ZoomFixture.json(200, """
                {"id":"u2","email":"host3@hybridconf.example","type":2,"status":"active"}"""));
        zoom.server.enqueue(ZoomFixture.error(400, 4711, "Invalid access token, does not contain scopes."));
        assertThat(client.user("host3@hybridconf.example").webinarLicence()).isNull();

        zoom.server.enqueue(ZoomFixture.error(404, 1001, "User does not exist: ghost@hybridconf.example."));
        assertThatThrownBy(() -> client.user("ghost@hybridconf.example")).isInstanceOf(ZoomNotFoundException.class);
    }

    @Test
    void aHostsScheduledMeetingsAreReadPageByPageWithTheirAgenda() {
        zoom.server.enqueue(ZoomFixture.json(200, """
                {"page_size":300,"total_records":2,"next_page_token":"dG9rZW4tMg",
                 "meetings":[{"uuid":"a==","id":81111111111,"host_id":"u1","topic":"Breakout A","type":2,
                  "start_time":"2026-05-12T07:00:00Z","duration":60,"timezone":"UTC",
                  "agenda":"[hybridconf-session:s-1]","created_at":"2026-04-01T10:00:00Z",
                  "join_url":"https://us05web.zoom.us/j/81111111111"}]}"""));
        zoom.server.enqueue(ZoomFixture.json(200, """
                {"page_size":300,"total_records":2,"next_page_token":"",
                 "meetings":[{"uuid":"b==","id":82222222222,"host_id":"u1","topic":"Breakout B","type":2,
                  "agenda":"[hybridconf-session:s-2]"}]}"""));

        var meetings = client.scheduled(ZoomKind.MEETING, "host3@hybridconf.example");

        assertThat(meetings).extracting(ZoomMeeting::id).containsExactly(81111111111L, 82222222222L);
        assertThat(meetings).extracting(ZoomMeeting::agenda)
                .containsExactly("[hybridconf-session:s-1]", "[hybridconf-session:s-2]");
        zoom.take();
        RecordedRequest first = zoom.take();
        assertThat(first.getRequestLine()).isEqualTo(
                "GET /v2/users/host3%40hybridconf.example/meetings?type=scheduled&page_size=300 HTTP/1.1");
        assertThat(zoom.take().getRequestLine()).contains("&next_page_token=dG9rZW4tMg");
    }
}
