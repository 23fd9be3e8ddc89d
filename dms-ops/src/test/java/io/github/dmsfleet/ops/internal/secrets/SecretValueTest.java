package io.github.dmsfleet.ops.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmsfleet.model.Credential;
import io.github.dmsfleet.model.CredentialsLoader;
import io.github.dmsfleet.model.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SecretValueTest {
  private static final Credential ROW =
      row("srv,Sales,reader,\"=\"\"a,b\"\"\\ü🙂\",db.example.com,1433,sqlserver");

  /** The model builds credentials only from a CSV. */
  private static Credential row(String line) {
    try {
      Path file = Files.createTempFile("credentials", ".csv");
      Files.writeString(
          file,
          String.join(",", CredentialsLoader.COLUMNS) + "\n" + line + "\n",
          StandardCharsets.UTF_8);
      Credential credential = CredentialsLoader.load(file, Settings.defaults()).get(0);
      Files.delete(file);
      return credential;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void holdsWhatADmsEndpointReadsAndRoundTripsExactly() throws Exception {
    JsonNode value = new ObjectMapper().readTree(SecretValue.of(ROW));

    assertThat(value.get("username").asText()).isEqualTo("reader");
    assertThat(value.get("password").asText()).isEqualTo("=\"a,b\"\\ü🙂");
    assertThat(value.get("host").asText()).isEqualTo("db.example.com");
    assertThat(value.get("port").asInt()).isEqualTo(1433);
    assertThat(value.get("engine").asText()).isEqualTo("sqlserver");
    assertThat(value.get("dbname").asText()).isEqualTo("Sales");
  }

  @Test
  void comparesByContentNotByKeyOrderOrSpacing() {
    String reordered =
        "{ \"dbname\": \"Sales\", \"engine\": \"sqlserver\", \"port\": 1433, \"host\": \"db.example.com\","
            + " \"password\": \"=\\\"a,b\\\"\\\\ü🙂\", \"username\": \"reader\" }";

    assertThat(SecretValue.same(reordered, SecretValue.of(ROW))).isTrue();
    assertThat(SecretValue.same(reordered.replace("1433", "1434"), SecretValue.of(ROW))).isFalse();
    assertThat(SecretValue.same("not json", SecretValue.of(ROW))).isFalse();
    assertThat(SecretValue.same(null, SecretValue.of(ROW))).isFalse();
  }
}
