package dev.hybridconf.gateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers a request that cannot be read at all with problem details, then closes the connection:
 * one Netty could not decode (414 {@code uri-too-long} for a request line above the server's limit, 431
 * {@code headers-too-large} for a header block above it, 400 {@code malformed-request} for a malformed
 * line or header), and one whose target is no URI (a lone {@code %}, {@code %G1}: 400
 * {@code malformed-request}), which Spring's adapter would refuse the same way. Reactor Netty and the
 * adapter answer these with an empty body, before any WebFlux code runs; this handler sits right after
 * the HTTP codec to answer first. Requests that can be read pass through untouched.
 */
public class DecodingFailureProblems extends ChannelInboundHandlerAdapter {

    private final ProblemResponses problems;
    private boolean failed;

    public DecodingFailureProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof HttpRequest request) {
            failed = request.decoderResult().isFailure() || !isUri(request.uri());
            if (failed) {
                ReferenceCountUtil.release(message);
                answer(context, request.decoderResult(), language(request));
                return;
            }
        }
        if (failed && message instanceof HttpContent) {
            // What follows a request that could not be decoded is discarded with it.
            ReferenceCountUtil.release(message);
            return;
        }
        context.fireChannelRead(message);
    }

    /** Whether the request target is a URI, as Spring's adapter will read it (a path, or an absolute URI). */
    static boolean isUri(String target) {
        try {
            new URI(target.startsWith("/") ? "http://localhost" + target : target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void answer(ChannelHandlerContext context, DecoderResult result, Locale language) {
        Throwable cause = result.isFailure() ? result.cause() : null;
        HttpStatus status = cause instanceof TooLongHttpLineException ? HttpStatus.URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        String slug = switch (status) {
            case URI_TOO_LONG -> "uri-too-long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "headers-too-large";
            default -> "malformed-request";
        };
        byte[] body = problems.body(status, slug, "problem." + slug, language, null);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** The caller's language, when the headers got far enough to say it. */
    private static Locale language(HttpRequest request) {
        try {
            String header = request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
            if (header == null) {
                return Locale.ENGLISH;
            }
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return ranges.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(ranges.get(0).getRange());
        } catch (RuntimeException unreadable) {
            return Locale.ENGLISH;
        }
    }
}
