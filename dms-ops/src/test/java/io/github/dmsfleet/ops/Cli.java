package io.github.dmsfleet.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dmsfleet.ops.internal.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Runs dms-ops in-process with captured output, against a local endpoint with dummy credentials.
 */
final class Cli {
  static final String CONFIG = "../config";
  static final String CREDENTIALS = "../config/credentials.example.csv";

  /** Copies the sample config folder, every file of it, into {@code dir}; returns {@code dir}. */
  static Path copyOfSampleConfig(Path dir) throws IOException {
    Path source = Path.of(CONFIG);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = dir.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return dir;
  }

  /**
   * A copy of the sample config in {@code dir} whose dbserver2 runs on DMS Serverless: a mixed
   * fleet, dbserver1's three databases on an instance, dbserver2's two serverless.
   */
  static Path mixedFleetConfig(Path dir) throws IOException {
    copyOfSampleConfig(dir);
    Files.writeString(
        dir.resolve("dms_servers.txt"),
        """
        server,compute,instance_class,allocated_storage,max_capacity_units
        dbserver1,instance,dms.r5.2xlarge,100,
        dbserver2,serverless,,,32
        """);
    return dir;
  }

  /**
   * A credentials CSV in {@code dir}: the header and these rows, readable by its owner only (as new
   * temporary files are).
   */
  static Path credentials(Path dir, String rows) throws IOException {
    Path file = Files.createTempFile(dir, "credentials", ".csv");
    Files.writeString(
        file,
        "servername,dbname,username,password,ipaddress,port,engine\n" + rows + "\n",
        StandardCharsets.UTF_8);
    return file;
  }

  /** What a run printed and returned. */
  record Run(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }

    /** Stdout as JSON (the run must have used --output json). */
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (Exception e) {
        throw new AssertionError("stdout is not JSON: " + out + err, e);
      }
    }

    /** The JSON result objects by item: {@code item -> "result: detail"}. */
    Map<String, String> results() {
      Map<String, String> results = new LinkedHashMap<>();
      json()
          .forEach(
              r ->
                  results.put(
                      r.get("item").asText(),
                      r.get("result").asText() + ": " + r.get("detail").asText()));
      return results;
    }
  }

  static final ClientFactory DUMMY_CREDENTIALS =
      SdkClientFactory.withCredentials(
          StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));

  /** A factory that fails the test if any AWS client is built: proof that no AWS call was made. */
  static final ClientFactory NO_AWS =
      new ClientFactory() {
        @Override
        public DatabaseMigrationClient dms(GlobalOptions options, Console console) {
          throw new AssertionError("a DMS client was built");
        }

        @Override
        public SecretsManagerClient secretsManager(GlobalOptions options, Console console) {
          throw new AssertionError("a Secrets Manager client was built");
        }

        @Override
        public CloudFormationClient cloudFormation(GlobalOptions options, Console console) {
          throw new AssertionError("a CloudFormation client was built");
        }
      };

  private Cli() {}

  /** Runs against the endpoint, adding {@code --endpoint-url} and {@code --region}. */
  static Run against(URI endpoint, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint-url", endpoint.toString(), "--region", "us-east-1"));
    return run(DUMMY_CREDENTIALS, all.toArray(String[]::new));
  }

  /** {@code secrets create} with JSON output against the endpoint. */
  static Run secretsCreate(URI endpoint, Path config, String credentials, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "secrets",
                "create",
                "--config",
                config.toString(),
                "--credentials",
                credentials,
                "--output",
                "json"));
    args.addAll(List.of(more));
    return against(endpoint, args.toArray(String[]::new));
  }

  static Run run(ClientFactory clients, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = DmsOps.commandLine(clients, args);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }
}
