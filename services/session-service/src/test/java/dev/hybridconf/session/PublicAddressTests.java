package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Every address the session service hands out starts with the platform's public base URL
 * ({@code platform.public-base-url}, here with a path prefix and a trailing slash), never with the
 * address the request reached the service on: the Frab JSON and XML, the personal calendar feed's
 * {@code url} and {@code webcal}, and {@code Location} headers. Hostile {@code Host} and forwarded
 * headers change none of them, even with the container honouring forwarded headers (as Spring Boot
 * does by itself on Kubernetes).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.public-base-url=https://conference.example.org/hybridconf/",
        "server.forward-headers-strategy=native" })
@PlatformInfrastructure
class PublicAddressTests extends ExportTests {

    private static final String BASE = "https://conference.example.org/hybridconf";
    private static final String[] HOSTILE = {
            "Host: evil.example",
            "X-Forwarded-Host: evil.example",
            "X-Forwarded-Proto: http",
            "X-Forwarded-Port: 666",
            "X-Forwarded-Prefix: /evil",
            "X-Forwarded-For: 203.0.113.9",
            "Forwarded: for=203.0.113.9;host=evil.example;proto=http" };

    @Test
    void theFrabScheduleLinksToThePublicAddress() throws Exception {
        String conference = barcelona();
        String session = schedule(conference, "opening", "PLENARY", "2024-11-07", "10:00", "11:00", "Auditori");

        JsonNode json = read(get("/api/sessions/conferences/" + conference + "/schedule.json", participant()))
                .get("schedule");
        assertThat(json.get("base_url").asString()).isEqualTo(BASE + "/");
        JsonNode event = json.get("conference").get("days").get(0).get("rooms").get("Auditori").get(0);
        assertThat(event.get("url").asString()).isEqualTo(BASE + "/api/sessions/" + session);

        String xml = get("/api/sessions/conferences/" + conference + "/schedule.xml", participant()).body();
        Document document = parse(xml);
        assertThat(document.getElementsByTagName("base_url").item(0).getTextContent()).isEqualTo(BASE + "/");
        NodeList urls = document.getElementsByTagName("url");
        assertThat(urls.getLength()).isEqualTo(1);
        assertThat(urls.item(0).getTextContent()).isEqualTo(BASE + "/api/sessions/" + session);
        assertThat(xml).doesNotContain("localhost");

        String token = participant();
        for (String format : List.of("json", "xml")) {
            String hostile = raw("GET", "/api/sessions/conferences/" + conference + "/schedule." + format, token);
            assertThat(hostile).startsWith("HTTP/1.1 200").doesNotContain("evil").doesNotContain(".org:666")
                    .doesNotContain("localhost").contains(BASE + "/api/sessions/" + session);
            assertThat(addresses(hostile)).isNotEmpty().allSatisfy(address -> assertThat(address).startsWith(BASE + "/"));
        }
    }

    @Test
    void thePersonalFeedAddressIsThePublicOne() {
        String conference = barcelona();
        String participant = participant();

        HttpResponse<String> issued = post("/api/sessions/me/calendar-token?conference=" + conference, participant, null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = read(issued).get("token").asString();
        assertThat(read(issued).get("url").asString()).isEqualTo(BASE + "/api/sessions/calendars/" + token + ".ics");
        assertThat(read(issued).get("webcal").asString())
                .isEqualTo("webcal://conference.example.org/hybridconf/api/sessions/calendars/" + token + ".ics");

        String hostile = raw("POST", "/api/sessions/me/calendar-token?conference=" + conference, participant);
        assertThat(hostile).startsWith("HTTP/1.1 201").doesNotContain("evil").doesNotContain("localhost");
        Matcher url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(hostile);
        assertThat(url.find()).as(hostile).isTrue();
        assertThat(url.group(1)).startsWith(BASE + "/api/sessions/calendars/");
        Matcher webcal = Pattern.compile("\"webcal\":\"([^\"]+)\"").matcher(hostile);
        assertThat(webcal.find()).as(hostile).isTrue();
        assertThat(webcal.group(1)).startsWith("webcal://conference.example.org/hybridconf/api/sessions/calendars/");
    }

    @Test
    void aCreatedConferenceAndSessionAreLocatedAtThePublicAddress() {
        String id = "addresses-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post("/api/sessions/conferences", organiser(), """
                {"id": "%s", "name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"},
                 "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"], "startDate": "2024-11-07",
                 "endDate": "2024-11-08", "days": [{"date": "2024-11-07"}]}""".formatted(id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(BASE + "/api/sessions/conferences/" + id);

        HttpResponse<String> session = post("/api/sessions/conferences/" + id + "/sessions", organiser(), """
                {"key": "opening", "kind": "PLENARY", "day": "2024-11-07", "start": "10:00", "end": "11:00",
                 "format": "HYBRID", "title": {"en": "Opening", "fr": "Ouverture", "es": "Apertura"}}""");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        assertThat(session.headers().firstValue("Location"))
                .hasValue(BASE + "/api/sessions/" + read(session).get("id").asString());
    }

    /** Every absolute address in a document (JSON strings, XML text). */
    private static List<String> addresses(String document) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?:https?|webcal)://[^\"<\\s]+").matcher(document);
        while (matcher.find()) {
            String address = matcher.group();
            if (!address.startsWith("https://c3voc.de/")) {
                found.add(address);
            }
        }
        return found;
    }

    /**
     * A request with hostile {@code Host} and forwarded headers, which {@link java.net.http.HttpClient}
     * refuses to send: written on a socket as HTTP/1.0, so that the answer is not chunked.
     */
    private String raw(String method, String path, String token) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n");
        for (String header : HOSTILE) {
            request.append(header).append("\r\n");
        }
        request.append("Authorization: Bearer ").append(token).append("\r\n")
                .append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8).replaceFirst("^HTTP/1\\.0", "HTTP/1.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
