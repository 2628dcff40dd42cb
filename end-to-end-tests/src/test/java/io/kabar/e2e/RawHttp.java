package io.kabar.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HTTP/1.1 on a raw socket, so that a request can carry what well-behaved clients refuse to send (bytes outside ASCII
 * in a path or header, broken percent-encoding, odd methods); it reads the answer's status line and headers only.
 */
final class RawHttp {

    private static final int TIMEOUT_MS = 60_000;

    /** A request as bytes on the wire: method, target (path and query, sent as given), header lines and body. */
    record Request(String method, byte[] target, List<byte[]> headers, byte[] body) {

        /** A short readable form for reports: method, target and header names, bytes beyond ASCII escaped. */
        String describe() {
            String text = new String(target, StandardCharsets.ISO_8859_1);
            if (text.length() > 120) {
                text = text.substring(0, 120) + "…(" + target.length + " bytes)";
            }
            return method + " " + escape(text) + " body " + (body == null ? 0 : body.length) + " bytes";
        }
    }

    /** The status code, or -1 when the server closed or stalled without answering. */
    record Answer(int status, String head) {}

    private RawHttp() {}

    static Answer send(int port, Request request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((request.method() + " ").getBytes(StandardCharsets.ISO_8859_1));
            head.write(request.target());
            head.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
            for (byte[] header : request.headers()) {
                head.write(header);
                head.write('\r');
                head.write('\n');
            }
            byte[] body = request.body();
            if (body != null) {
                head.write(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            head.write('\r');
            head.write('\n');
            out.write(head.toByteArray());
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // The server may answer (413, 400) and close before reading a large body: read what it said.
                }
            }
            out.flush();
            return answer(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Answer(-1, "no answer within " + TIMEOUT_MS + " ms");
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        }
    }

    /** The final answer's head: an interim 1xx (100 Continue for an {@code Expect} header) is read past. */
    private static Answer answer(InputStream in) throws IOException {
        Answer answer = head(in);
        while (answer.status() >= 100 && answer.status() < 200) {
            answer = head(in);
        }
        return answer;
    }

    private static Answer head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0 && head.size() < 64 * 1024) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                break;
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String[] statusLine = text.split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            return new Answer(-1, text.isEmpty() ? "closed without an answer" : text);
        }
        try {
            return new Answer(Integer.parseInt(statusLine[1].trim()), text);
        } catch (NumberFormatException e) {
            return new Answer(-1, text);
        }
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                escaped.append(String.format("\\x%02x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
