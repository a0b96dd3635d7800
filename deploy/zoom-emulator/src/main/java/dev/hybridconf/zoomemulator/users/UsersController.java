package dev.hybridconf.zoomemulator.users;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.zoomemulator.EmulatorProperties;
import dev.hybridconf.zoomemulator.api.ZoomApi;
import dev.hybridconf.zoomemulator.api.ZoomApiException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v2/users}, {@code GET /v2/users/{userId}} and {@code GET /v2/users/{userId}/settings} (only the
 * {@code feature} part, which says whether the user may host webinars).
 */
@RestController
@ZoomApi
class UsersController {

    private final HostUsers users;
    private final EmulatorProperties properties;

    UsersController(HostUsers users, EmulatorProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @GetMapping("/v2/users")
    ObjectNode list() {
        List<HostUser> all = users.all();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("page_count", 1);
        body.put("page_number", 1);
        body.put("page_size", Math.max(all.size(), 30));
        body.put("total_records", all.size());
        body.put("next_page_token", "");
        ArrayNode list = body.putArray("users");
        all.forEach(user -> list.add(view(user)));
        return body;
    }

    @GetMapping("/v2/users/{userId}")
    ObjectNode get(@PathVariable String userId) {
        return view(require(userId));
    }

    @GetMapping("/v2/users/{userId}/settings")
    ObjectNode settings(@PathVariable String userId) {
        HostUser user = require(userId);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode feature = body.putObject("feature");
        feature.put("meeting_capacity", 300);
        feature.put("large_meeting", false);
        feature.put("webinar", user.webinarLicence());
        feature.put("webinar_capacity", user.webinarLicence() ? 500 : 0);
        // What interpreters may be given: Zoom's API language ids, and the sign languages by the names sent back as
        // sign_language (Zoom's own and those the account added in the web portal).
        ObjectNode inMeeting = body.putObject("in_meeting");
        ObjectNode spoken = inMeeting.putObject("language_interpretation");
        spoken.put("enable", true);
        var languages = spoken.putArray("languages");
        List.of("English", "Chinese", "Japanese", "German", "French", "Russian", "Portuguese", "Spanish", "Korean")
                .forEach(languages::add);
        spoken.putArray("custom_languages");
        ObjectNode sign = inMeeting.putObject("sign_language_interpretation");
        sign.put("enable", true);
        var signLanguages = sign.putArray("languages");
        EmulatorProperties.ZOOM_SIGN_LANGUAGES.forEach(signLanguages::add);
        var custom = sign.putArray("custom_languages");
        properties.customSignLanguageNames().forEach(custom::add);
        return body;
    }

    private HostUser require(String userId) {
        return users.find(userId).orElseThrow(() -> ZoomApiException.userNotFound(userId));
    }

    static ObjectNode view(HostUser user) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", user.id());
        node.put("first_name", user.firstName());
        node.put("last_name", user.lastName());
        node.put("display_name", user.firstName() + " " + user.lastName());
        node.put("email", user.email());
        node.put("type", 2);
        node.put("status", "active");
        node.put("timezone", "UTC");
        return node;
    }
}
