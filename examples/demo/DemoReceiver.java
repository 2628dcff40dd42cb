import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * The demo's webhook subscriber: logs every alert it receives and answers 204. Run it as a source file, no build:
 * {@code java examples/demo/DemoReceiver.java 8090}.
 */
public final class DemoReceiver {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            System.out.printf(
                    "%s %s %s webhook-id=%s webhook-timestamp=%s webhook-signature=%s%n  %s%n",
                    LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    body);
            System.out.flush();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println("demo webhook receiver listening on http://127.0.0.1:" + port + "/");
    }
}
