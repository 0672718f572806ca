package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP proxy in front of a real S3 server that answers chosen GETs with S3 error responses
 * (throttling, 5xx, access denied) before passing them on: the network misbehaving, not a fake S3.
 *
 * <p>It also makes S3Mock's conditional writes atomic, as S3's are: S3Mock checks {@code If-None-Match}
 * and {@code If-Match} and then writes, so two concurrent writes can both pass (measured with 4.12.4:
 * 87 of 200 rounds of eight concurrent creates had more than one winner). The proxy passes
 * conditional writes of one key to it one at a time.
 */
public final class FaultyS3Proxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS =
      Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");

  /** An S3 error response. */
  public record Fault(int status, String code) {}

  private final URI target;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final Map<String, Integer> gets = new ConcurrentHashMap<>();
  private final Map<String, Fault> always = new ConcurrentHashMap<>();
  private final Map<String, Object> conditionalWrites = new ConcurrentHashMap<>();

  public FaultyS3Proxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16, runnable -> {
      Thread thread = new Thread(runnable, "faulty-s3-proxy");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** GETs of {@code key} get these faults first, then reach the server. */
  void failFirst(String key, List<Fault> first) {
    faults.put(key, new ArrayDeque<>(first));
  }

  /** Every GET of {@code key} gets this fault. */
  public void failAlways(String key, Fault fault) {
    always.put(key, fault);
  }

  int getsOf(String key) {
    return gets.getOrDefault(key, 0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String key = URLDecoder.decode(path.substring(path.indexOf('/', 1) + 1), UTF_8);
      if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getRawQuery() == null) {
        gets.merge(key, 1, Integer::sum);
        Deque<Fault> queued = faults.get(key);
        Fault fault = always.containsKey(key) ? always.get(key) : queued == null ? null : queued.poll();
        if (fault != null) {
          respond(exchange, fault.status(), ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + fault.code()
              + "</Code><Message>injected</Message><RequestId>proxy</RequestId></Error>").getBytes(UTF_8), Map.of());
          return;
        }
      }
      if (exchange.getRequestMethod().equals("PUT") && (exchange.getRequestHeaders().containsKey("If-None-Match")
          || exchange.getRequestHeaders().containsKey("If-Match"))) {
        synchronized (conditionalWrites.computeIfAbsent(key, k -> new Object())) {
          forward(exchange);
        }
        return;
      }
      forward(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(HttpExchange exchange) throws IOException, InterruptedException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_HEADERS.contains(name.toLowerCase())) values.forEach(v -> request.header(name, v));
    });
    HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    respond(exchange, response.statusCode(), response.body(), response.headers().map());
  }

  private static void respond(HttpExchange exchange, int status, byte[] body, Map<String, List<String>> headers)
      throws IOException {
    headers.forEach((name, values) -> {
      if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) exchange.getResponseHeaders().put(name, values);
    });
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
