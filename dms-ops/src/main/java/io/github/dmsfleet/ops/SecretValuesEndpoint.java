package io.github.dmsfleet.ops;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a client that carries passwords may send them: anywhere over HTTPS, and over plain HTTP
 * only to this machine (a local emulator). The SDK decides the endpoint ({@code --endpoint-url},
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}, {@code AWS_ENDPOINT_URL}, the AWS config file's {@code
 * endpoint_url}); this refuses it and names where it came from.
 */
final class SecretValuesEndpoint {
  /** The SDK's variables, the service's own first, as it reads them. */
  private static final List<String> VARIABLES =
      List.of("AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL");

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private SecretValuesEndpoint() {}

  /**
   * Throws an {@link InvalidInputException} when the SDK's endpoint override would carry passwords
   * over plain HTTP to another machine.
   *
   * @param endpoint the override the SDK resolved; empty for AWS's own HTTPS endpoint
   */
  static void check(Optional<URI> endpoint, GlobalOptions options) {
    if (endpoint.isEmpty() || carriesSecretsSafely(endpoint.get())) {
      return;
    }
    URI uri = endpoint.get();
    String where =
        uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    String source = source(uri, options);
    String fix =
        source.startsWith("--")
            ? "give an https:// URL, or a loopback one (http://127.0.0.1:PORT, http://localhost:PORT,"
                + " such as an SSH tunnel to a remote emulator)"
            : (source.startsWith("AWS_") ? "unset " + source : "remove that endpoint_url")
                + ", or point it at an https:// URL or a loopback one (http://127.0.0.1:PORT)";
    throw new InvalidInputException(
        source
            + " sends Secrets Manager calls to "
            + where
            + ", plain HTTP to another machine, which would carry the passwords unencrypted;"
            + " nothing was read or sent. "
            + Character.toUpperCase(fix.charAt(0))
            + fix.substring(1));
  }

  /** HTTPS anywhere, or HTTP to a loopback address. */
  static boolean carriesSecretsSafely(URI endpoint) {
    String scheme = String.valueOf(endpoint.getScheme()).toLowerCase(Locale.ROOT);
    return scheme.equals("https") || (scheme.equals("http") && isLoopback(endpoint.getHost()));
  }

  /**
   * {@code localhost}, or an address literal in 127.0.0.0/8 or {@code ::1}. Names are not looked
   * up: what a name resolves to can change between this check and the call.
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
      return false;
    }
    try {
      // An address literal: parsed, not looked up.
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String source(URI endpoint, GlobalOptions options) {
    if (options.endpointUrl() != null) {
      return "--endpoint-url";
    }
    for (String variable : VARIABLES) {
      String value = System.getenv(variable);
      if (value != null && endpoint.toString().startsWith(value.strip().replaceAll("/+$", ""))) {
        return variable;
      }
    }
    return "the endpoint_url in the AWS config file";
  }
}
