package io.github.dmsfleet.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Sits between the SDK and moto. moto's DMS answers timestamps as ISO-8601 strings where the DMS
 * API (awsJson) sends epoch seconds, and the Java SDK refuses to read them; this rewrites them in
 * JSON answers and passes everything else through unchanged.
 */
final class TimestampFixingProxy implements AutoCloseable {
  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");
  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI target;
  private final HttpClient client = HttpClient.newHttpClient();
  private final HttpServer server;

  TimestampFixingProxy(URI target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::forward);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                  values.forEach(v -> request.header(name, v));
                }
              });
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] answer = response.body();
      if (answer.length > 0 && answer[0] == '{') { // moto labels its JSON text/html
        JsonNode tree = JSON.readTree(answer);
        fix(tree);
        answer = JSON.writeValueAsBytes(tree);
      }
      for (Map.Entry<String, java.util.List<String>> header : response.headers().map().entrySet()) {
        if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))
            && !header.getKey().startsWith(":")) {
          exchange.getResponseHeaders().put(header.getKey(), header.getValue());
        }
      }
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void fix(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (field.getValue().isTextual() && ISO.matcher(field.getValue().asText()).matches()) {
          try {
            field.setValue(
                JSON.getNodeFactory()
                    .numberNode(
                        OffsetDateTime.parse(withOffset(field.getValue().asText()))
                                .toInstant()
                                .toEpochMilli()
                            / 1000.0));
          } catch (DateTimeParseException notADate) {
            // leave it
          }
        } else {
          fix(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(TimestampFixingProxy::fix);
    }
  }

  private static String withOffset(String text) {
    return text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$") ? text : text + "Z";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
