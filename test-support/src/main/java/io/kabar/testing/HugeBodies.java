package io.kabar.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Starts requests whose body is far larger than what is actually sent, on a raw socket, and reads the answer that
 * arrives meanwhile: an answer at all shows that the server decided without reading, let alone buffering, the body.
 */
public final class HugeBodies {

    private static final int TIMEOUT_MS = 30_000;
    private static final int CHUNK = 8 * 1024;

    private HugeBodies() {}

    /**
     * Declares {@code declaredBytes} in {@code Content-Length}, sends only {@code sentBytes} of them and returns the
     * status line and headers of the answer (the connection stays open and unfinished until then).
     */
    public static String declared(
            int port, String path, String contentType, long declaredBytes, int sentBytes, String... headers)
            throws IOException {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(path, contentType, "Content-Length: " + declaredBytes, headers));
            byte[] chunk = filler(CHUNK);
            for (int sent = 0; sent < sentBytes; sent += CHUNK) {
                out.write(chunk, 0, Math.min(CHUNK, sentBytes - sent));
            }
            out.flush();
            return answerHead(socket.getInputStream());
        }
    }

    /**
     * Sends a chunked body of {@code sentBytes} that never ends, with extra header lines ({@code "Name: value"}), and
     * returns the status line and headers.
     */
    public static String chunked(int port, String path, String contentType, int sentBytes, String... headers)
            throws IOException {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(path, contentType, "Transfer-Encoding: chunked", headers));
            byte[] chunk = filler(CHUNK);
            for (int sent = 0; sent < sentBytes; sent += CHUNK) {
                out.write((Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return answerHead(socket.getInputStream());
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(TIMEOUT_MS);
        return socket;
    }

    private static byte[] head(String path, String contentType, String framing, String... headers) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append(framing).append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Whitespace: a JSON parser reads on through it looking for a value, so only the size can stop it. */
    private static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        return bytes;
    }

    private static String answerHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
