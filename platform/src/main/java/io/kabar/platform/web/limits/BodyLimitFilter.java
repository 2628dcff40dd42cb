package io.kabar.platform.web.limits;

import io.kabar.platform.web.ApiProblem;
import io.kabar.platform.web.FilterProblems;
import io.kabar.platform.web.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a rule's size with {@code 413} before anything parses them: at once when
 * {@code Content-Length} says so, and for bodies of unknown length (chunked) as soon as the reader has counted one
 * byte too many, so a huge body is never read, let alone buffered.
 */
class BodyLimitFilter extends OncePerRequestFilter {

    private final List<Limit> limits;

    BodyLimitFilter(LimitsProperties properties) {
        this.limits = properties.bodies().values().stream()
                .map(body -> new Limit(body.rule(), body.maxSize().toBytes()))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = limits.stream()
                .filter(l -> l.rule.matches(request))
                .mapToLong(Limit::maxBytes)
                .min()
                .orElse(-1);
        if (max < 0) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > max) {
            // Closing the connection spares the server from draining a body it will never use.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            FilterProblems.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    ProblemTypes.BODY_TOO_LARGE,
                    "Request body too large",
                    tooLarge(max));
            return;
        }
        chain.doFilter(new Limited(request, max), response);
    }

    static ApiProblem problem(long max) {
        return ApiProblem.typed(
                HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.BODY_TOO_LARGE, "Request body too large", tooLarge(max));
    }

    private static String tooLarge(long max) {
        return "The request body must not exceed " + max + " bytes.";
    }

    private record Limit(RequestRule rule, long maxBytes) {}

    /** The request with a body that stops being readable one byte past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream counted;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counting(super.getInputStream(), max);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
        }
    }

    /** Counts what is read and throws the 413 problem once the count passes the limit. */
    private static final class Counting extends ServletInputStream {

        private final ServletInputStream body;
        private final long max;
        private long read;

        Counting(ServletInputStream body, long max) {
            this.body = body;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never ask for more than one byte past the limit, so the excess stays unread in the socket.
            int n = body.read(buffer, offset, (int) Math.min(length, max - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw problem(max);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
