package dev.hybridconf.zoomemulator.meetings;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.zoomemulator.PublicUrls;
import dev.hybridconf.zoomemulator.api.ZoomApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zoom's meeting and webinar endpoints under {@code /v2}: create, read (with a fresh {@code start_url}), update and
 * delete; registrants one by one and in batches of up to 30, their list and their status; live-stream settings and
 * status. Webinars have the same endpoints under {@code /webinars}. Status codes are Zoom's: 201 for creations,
 * 204 for updates and deletions.
 */
@RestController
@ZoomApi
class MeetingsController {

    private static final String KIND = "{kind:meetings|webinars}";

    private final MeetingBook book;
    private final PublicUrls urls;

    MeetingsController(MeetingBook book, PublicUrls urls) {
        this.book = book;
        this.urls = urls;
    }

    @PostMapping("/v2/users/{userId}/" + KIND)
    ResponseEntity<ObjectNode> create(@PathVariable String userId, @PathVariable String kind,
            @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        MeetingBook.Answer answer = book.create(Kind.ofPath(kind), userId, body, urls.base(request));
        ResponseEntity.BodyBuilder created = ResponseEntity.status(HttpStatus.CREATED);
        answer.headers().forEach(created::header);
        return created.body(answer.body());
    }

    @GetMapping("/v2/users/{userId}/" + KIND)
    ObjectNode listForHost(@PathVariable String userId, @PathVariable String kind,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(name = "next_page_token", required = false) String nextPageToken) {
        return book.listForHost(Kind.ofPath(kind), userId, pageSize, nextPageToken);
    }

    @GetMapping("/v2/" + KIND + "/{id}")
    ObjectNode get(@PathVariable String kind, @PathVariable String id, HttpServletRequest request) {
        return book.get(Kind.ofPath(kind), id, urls.base(request));
    }

    @PatchMapping("/v2/" + KIND + "/{id}")
    ResponseEntity<Void> update(@PathVariable String kind, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        Map<String, String> headers = book.update(Kind.ofPath(kind), id, body);
        ResponseEntity.HeadersBuilder<?> noContent = ResponseEntity.noContent();
        headers.forEach(noContent::header);
        return noContent.build();
    }

    @DeleteMapping("/v2/" + KIND + "/{id}")
    ResponseEntity<Void> delete(@PathVariable String kind, @PathVariable String id) {
        book.delete(Kind.ofPath(kind), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/v2/" + KIND + "/{id}/registrants")
    ResponseEntity<ObjectNode> addRegistrant(@PathVariable String kind, @PathVariable String id,
            @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(book.addRegistrant(Kind.ofPath(kind), id, body, urls.base(request)));
    }

    @PostMapping("/v2/" + KIND + "/{id}/batch_registrants")
    ResponseEntity<ObjectNode> batchRegistrants(@PathVariable String kind, @PathVariable String id,
            @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(book.batchRegistrants(Kind.ofPath(kind), id, body, urls.base(request)));
    }

    @GetMapping("/v2/" + KIND + "/{id}/registrants")
    ObjectNode registrants(@PathVariable String kind, @PathVariable String id,
            @RequestParam(required = false) String status,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(name = "page_number", required = false) Integer pageNumber,
            @RequestParam(name = "next_page_token", required = false) String nextPageToken) {
        return book.listRegistrants(Kind.ofPath(kind), id, status, pageSize, pageNumber, nextPageToken);
    }

    @PutMapping("/v2/" + KIND + "/{id}/registrants/status")
    ResponseEntity<Void> registrantStatus(@PathVariable String kind, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        book.updateRegistrantStatus(Kind.ofPath(kind), id, body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v2/" + KIND + "/{id}/livestream")
    ObjectNode livestream(@PathVariable String kind, @PathVariable String id) {
        return book.livestream(Kind.ofPath(kind), id);
    }

    @PatchMapping("/v2/" + KIND + "/{id}/livestream")
    ResponseEntity<Void> updateLivestream(@PathVariable String kind, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        book.updateLivestream(Kind.ofPath(kind), id, body);
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/v2/" + KIND + "/{id}/livestream/status")
    ResponseEntity<Void> livestreamStatus(@PathVariable String kind, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        book.updateLivestreamStatus(Kind.ofPath(kind), id, body);
        return ResponseEntity.noContent().build();
    }
}
