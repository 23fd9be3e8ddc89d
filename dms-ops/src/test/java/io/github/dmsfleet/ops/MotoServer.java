package io.github.dmsfleet.ops;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Starts {@code moto_server} on a free loopback port once per test run and stops it at the end;
 * resets its state before each test. Tests get the address of a {@link TimestampFixingProxy} in
 * front of it. Without moto_server on the PATH the tests are skipped, or fail when {@code CI=true}.
 */
public final class MotoServer implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final Duration STARTUP = Duration.ofSeconds(60);

  /** The running server behind its proxy; closing it stops both. */
  public record Running(URI moto, TimestampFixingProxy proxy, Process process)
      implements AutoCloseable {
    /** Where clients go: the proxy in front of moto. */
    public URI endpoint() {
      return proxy.endpoint();
    }

    @Override
    public void close() {
      proxy.close();
      process.destroy();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    URI reset = running(context).moto().resolve("/moto-api/reset");
    HttpURLConnection connection = (HttpURLConnection) reset.toURL().openConnection();
    connection.setRequestMethod("POST");
    if (connection.getResponseCode() != 200) {
      throw new IllegalStateException("moto reset answered " + connection.getResponseCode());
    }
    connection.disconnect();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == URI.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running(context).endpoint();
  }

  private static Running running(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(MotoServer.class, k -> start(), Running.class);
  }

  private static Running start() {
    Path executable = onPath("moto_server");
    if (executable == null) {
      String message =
          "moto_server is not on the PATH; install it with 'pip install \"moto[server]\"'";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message);
      }
      throw new TestAbortedException(message);
    }
    int port = freePort();
    try {
      Path log = Files.createTempFile("moto-server", ".log");
      Process process =
          new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      awaitListening(port, process, log);
      URI moto = URI.create("http://127.0.0.1:" + port);
      return new Running(moto, new TimestampFixingProxy(moto), process);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start moto_server", e);
    }
  }

  private static void awaitListening(int port, Process process, Path log) throws IOException {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited: " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    process.destroy();
    throw new IllegalStateException("moto_server did not listen on " + port + " within " + STARTUP);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
