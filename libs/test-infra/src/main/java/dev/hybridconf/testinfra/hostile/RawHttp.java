package dev.hybridconf.testinfra.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that sends exactly the bytes it is given: a request target with invalid
 * percent-escapes, a header value with non-ASCII bytes, a method nobody should accept. The JDK's
 * client (and every polite client) refuses to send such requests, which is why hostile input has to be
 * tested with something that does. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 20_000;

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static RawHttp localhost(int port) {
        return new RawHttp("localhost", port);
    }

    public Request request(String method, String target) {
        return new Request(this, method, target);
    }

    /** A request under construction; header values and the body are bytes, sent as they are. */
    public static final class Request {

        private final RawHttp client;
        private final String method;
        private final String target;
        private final List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        private byte[] body;

        private Request(RawHttp client, String method, String target) {
            this.client = client;
            this.method = method;
            this.target = target;
        }

        public Request header(String name, String value) {
            return header(name, value.getBytes(StandardCharsets.UTF_8));
        }

        public Request header(String name, byte[] value) {
            headers.add(Map.entry(name, value.clone()));
            return this;
        }

        public Request bearer(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Request json(String json) {
            return json(json.getBytes(StandardCharsets.UTF_8));
        }

        public Request json(byte[] json) {
            header("Content-Type", "application/json");
            return body(json);
        }

        public Request body(byte[] bytes) {
            this.body = bytes.clone();
            return this;
        }

        public String method() {
            return method;
        }

        public String target() {
            return target;
        }

        /** The request as it goes on the wire. */
        public byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, method + " " + target + " HTTP/1.1\r\n");
            boolean hasHost = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Host"));
            if (!hasHost) {
                write(out, "Host: " + client.host + ":" + client.port + "\r\n");
            }
            for (Map.Entry<String, byte[]> header : headers) {
                write(out, header.getKey() + ": ");
                out.writeBytes(header.getValue());
                write(out, "\r\n");
            }
            write(out, "Connection: close\r\n");
            if (body != null) {
                write(out, "Content-Length: " + body.length + "\r\n\r\n");
                out.writeBytes(body);
            } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
                write(out, "Content-Length: 0\r\n\r\n");
            } else {
                write(out, "\r\n");
            }
            return out.toByteArray();
        }

        public Response send() {
            return client.send(this);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(method).append(' ').append(abbreviate(target, 200));
            for (Map.Entry<String, byte[]> header : headers) {
                if (!header.getKey().equalsIgnoreCase("Authorization")) {
                    text.append(" [").append(header.getKey()).append(": ")
                            .append(abbreviate(new String(header.getValue(), StandardCharsets.ISO_8859_1), 80))
                            .append(']');
                }
            }
            if (body != null) {
                text.append(" body=").append(abbreviate(new String(body, StandardCharsets.UTF_8), 300));
            }
            return text.toString();
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * What came back. {@code status} is -1 when the server closed the connection without an answer.
     * Header names are lower case.
     */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String contentType() {
            return header("content-type");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + (contentType() == null ? "(no content type)" : contentType()) + " "
                    + abbreviate(text(), 400);
        }
    }

    Response send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.bytes());
                out.flush();
            } catch (SocketException e) {
                // The server may answer and close before reading everything (a huge header or URI).
            }
            return read(socket.getInputStream(), "HEAD".equals(request.method));
        } catch (IOException e) {
            throw new UncheckedIOException("could not exchange " + request, e);
        }
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        String statusLine;
        try {
            statusLine = line(in);
        } catch (SocketException e) {
            return new Response(-1, Map.of(), new byte[0]);
        }
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            return new Response(-1, Map.of(), statusLine == null ? new byte[0] : statusLine.getBytes(StandardCharsets.ISO_8859_1));
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            return new Response(status, headers, new byte[0]);
        }
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        byte[] body;
        if (encoding.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length").get(0)));
        } else {
            body = readToEnd(in);
        }
        return new Response(status, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            if (length == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used here
                }
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(length));
            line(in);
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketException e) {
            return new byte[0];
        }
    }

    /** One CRLF-terminated line as ISO-8859-1, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    static String abbreviate(String text, int max) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= max ? printable : printable.substring(0, max) + "…(" + printable.length() + ")";
    }
}
