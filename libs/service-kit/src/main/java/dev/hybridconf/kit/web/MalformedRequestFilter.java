package dev.hybridconf.kit.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hybridconf.kit.errors.ProblemWriter;
import dev.hybridconf.kit.errors.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request whose query string is not percent-encoded UTF-8 ({@code ?status=%ED%A0%80},
 * {@code %FF}, {@code %C3%28}, a lone {@code %}) with 400 {@code malformed-request}, before anything
 * reads a parameter. Tomcat decodes parameters lazily and throws on such bytes wherever they are
 * first read (a controller, a filter, a security rule), which would otherwise surface as a 500.
 * The path needs no check here: Tomcat refuses an undecodable path itself, and
 * {@link ProblemErrorReportValve} answers that refusal with problem details.
 */
public class MalformedRequestFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public MalformedRequestFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isPercentEncodedUtf8(request.getQueryString())) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST,
                    "problem.malformed-request");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether {@code text} (a raw query string, null for none) decodes to valid UTF-8: every
     * {@code %} followed by two hex digits, and the bytes so obtained forming whole UTF-8 characters
     * (no overlong forms, no surrogates, nothing past U+10FFFF).
     */
    public static boolean isPercentEncodedUtf8(String text) {
        if (text == null || text.isEmpty()) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return false;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0xFF) {
                return false;
            } else {
                // The container hands raw bytes of the request line over as ISO-8859-1 characters.
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
