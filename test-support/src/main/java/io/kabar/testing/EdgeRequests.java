package io.kabar.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Plain JDK requests for tests of a service's public edge: CORS preflights, GETs that show every status, and raw
 * requests that no well-behaved client would send.
 */
public final class EdgeRequests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private EdgeRequests() {}

    public static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(url(port, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser's CORS preflight from {@code origin} for {@code method}, asking for the given request headers. */
    public static HttpResponse<String> preflight(
            int port, String path, String origin, String method, String... requestHeaders)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(port, path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (requestHeaders.length > 0) {
            request.header("Access-Control-Request-Headers", String.join(",", requestHeaders));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body} as they
     * are on a raw socket, bytes a well-behaved client refuses to send included, and answers the final status code.
     */
    public static int raw(int port, String head, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String request =
                    head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] status = line.split(" ");
                if (line.startsWith("HTTP/") && status.length > 1 && !status[1].startsWith("1")) {
                    return Integer.parseInt(status[1]);
                }
            }
            throw new IOException("closed without an answer");
        }
    }
}
