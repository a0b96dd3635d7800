package dev.hybridconf.kit.errors;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies above the configured size with 413 problem details, whether the client
 * declared the length or streamed the body in chunks. A few declared requests (uploads that their
 * handler streams to disk, such as a CSV import) get a larger limit; every other keeps the small one.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final List<LargeBodyPath> largeBodyPaths;
    private final long largeLimit;
    private final ProblemWriter writer;

    public RequestBodyLimitFilter(long limit, ProblemWriter writer) {
        this(limit, List.of(), limit, writer);
    }

    /**
     * @param largeBodyPaths requests allowed {@code largeLimit}, as {@code "POST /imports"} or {@code "/uploads/**"}
     */
    public RequestBodyLimitFilter(long limit, List<String> largeBodyPaths, long largeLimit, ProblemWriter writer) {
        this.limit = limit;
        this.largeBodyPaths = largeBodyPaths.stream().map(LargeBodyPath::parse).toList();
        this.largeLimit = largeLimit;
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long allowed = limitFor(request);
        if (request.getContentLengthLong() > allowed) {
            writer.write(request, response, new PayloadTooLargeException(allowed));
            return;
        }
        chain.doFilter(new LimitedRequest(request, allowed), response);
    }

    /** The limit that applies to this request: the large one on a declared path, the default elsewhere. */
    private long limitFor(HttpServletRequest request) {
        if (largeBodyPaths.isEmpty()) {
            return limit;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        for (LargeBodyPath candidate : largeBodyPaths) {
            if (candidate.matches(request.getMethod(), path)) {
                return largeLimit;
            }
        }
        return limit;
    }

    /** One declared path: an optional method and a path pattern. */
    private record LargeBodyPath(String method, PathPattern pattern) {

        static LargeBodyPath parse(String declaration) {
            String[] parts = declaration.trim().split("\\s+", 2);
            return parts.length == 2
                    ? new LargeBodyPath(parts[0].toUpperCase(Locale.ROOT), PathPatternParser.defaultInstance.parse(parts[1]))
                    : new LargeBodyPath(null, PathPatternParser.defaultInstance.parse(parts[0]));
        }

        boolean matches(String requestMethod, PathContainer path) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && pattern.matches(path);
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
