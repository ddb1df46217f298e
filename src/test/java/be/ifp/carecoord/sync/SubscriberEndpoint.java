package be.ifp.carecoord.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform's rest-hook endpoint, started by the test on a free local port: it records every
 * notification it accepts and can answer the first attempts with a server error, as a platform
 * that is restarting would.
 */
final class SubscriberEndpoint implements AutoCloseable {

  /** What the server sent: for a resource with payload, {@code PUT <endpoint>/CareTeam/<id>}. */
  record Notification(String method, String path, String query, String contentType, String body) {}

  private static final String PATH = "/platform/fhir";
  private static final int ACCEPTED = 200;
  private static final int SERVER_ERROR = 500;

  private final HttpServer server;
  private final List<Notification> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger failuresLeft;

  private SubscriberEndpoint(int failures) {
    this.failuresLeft = new AtomicInteger(failures);
    try {
      server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(PATH, this::receive);
    server.start();
  }

  /** An endpoint that accepts every notification. */
  static SubscriberEndpoint start() {
    return new SubscriberEndpoint(0);
  }

  /** An endpoint that answers 500 to the first {@code failures} attempts, then accepts. */
  static SubscriberEndpoint failingFirst(int failures) {
    return new SubscriberEndpoint(failures);
  }

  /** The URL of a port nothing listens on: a platform that is down. */
  static String nobodyListening() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://localhost:" + socket.getLocalPort() + PATH;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort() + PATH;
  }

  List<Notification> accepted() {
    return List.copyOf(accepted);
  }

  /** Every request received, accepted or answered with an error. */
  int attempts() {
    return attempts.get();
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      attempts.incrementAndGet();
      if (failuresLeft.getAndDecrement() > 0) {
        exchange.sendResponseHeaders(SERVER_ERROR, -1);
        return;
      }
      accepted.add(new Notification(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestURI().getQuery(), exchange.getRequestHeaders().getFirst("Content-Type"),
          new String(body, StandardCharsets.UTF_8)));
      // The simplest answer a platform can give: 200 without a body (connecting.md says it is enough).
      exchange.sendResponseHeaders(ACCEPTED, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
