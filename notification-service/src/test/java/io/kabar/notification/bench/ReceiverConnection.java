package io.kabar.notification.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One client connection of {@link LightReceivers}: buffers what the client sent and takes whole HTTP/1.1 requests
 * off it (head up to the blank line, then {@code Content-Length} bytes of body), of which only the path matters.
 */
final class ReceiverConnection {

    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SocketChannel channel;
    private final int host;
    private ByteBuffer input = ByteBuffer.allocate(4096);

    ReceiverConnection(SocketChannel channel, int host) {
        this.channel = channel;
        this.host = host;
    }

    /** The index of the receiver host it connected to. */
    int host() {
        return host;
    }

    /** Reads what arrived; false once the client has closed the connection (which is then closed here too). */
    boolean read() throws IOException {
        if (!input.hasRemaining()) {
            input = ByteBuffer.allocate(input.capacity() * 2).put(input.flip());
        }
        if (channel.read(input) < 0) {
            channel.close();
            return false;
        }
        return true;
    }

    /** The path of the next whole request read, which it takes off the input; null while none is complete. */
    String nextRequestPath() {
        byte[] bytes = input.array();
        int end = headEnd(bytes, input.position());
        if (end < 0) {
            return null;
        }
        String head = new String(bytes, 0, end, StandardCharsets.US_ASCII);
        int length = contentLength(head);
        if (input.position() < end + 4 + length) {
            return null;
        }
        input.flip().position(end + 4 + length);
        input.compact();
        int pathStart = head.indexOf(' ') + 1;
        return head.substring(pathStart, head.indexOf(' ', pathStart));
    }

    /** Answers the oldest request not yet answered: 200, no body (requests are answered in the order they came). */
    void answer() {
        try {
            ByteBuffer out = ByteBuffer.wrap(OK);
            while (out.hasRemaining() && channel.isOpen()) {
                channel.write(out);
            }
        } catch (IOException e) {
            // The client went away: nothing to answer.
        }
    }

    private static int headEnd(byte[] bytes, int limit) {
        for (int i = 3; i < limit; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i - 3;
            }
        }
        return -1;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }
}
