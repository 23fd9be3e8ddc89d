package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dmsfleet.rules.Compute;
import io.github.dmsfleet.rules.Quotas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedFleetTest {
  @TempDir Path work;

  @Test
  void interleavedRowsGiveOneInstancePerServerAndTheFullestServerFitsOneStack() throws Exception {
    // Two servers with the most databases one instance serves, rows alternating between the
    // servers.
    Path config = SyntheticConfig.write(work.resolve("config"), 2, 50);
    Path outdir = work.resolve("cdk.out");

    Synthesized synthesized = Synthesized.from(config, outdir);

    assertThat(synthesized.exitCode()).as(synthesized.stderr()).isZero();
    Map<String, JsonNode> templates = synthesized.templates();
    for (String server : new String[] {"sqlsrv1", "sqlsrv2"}) {
      JsonNode template = templates.get("DmsFleet-Server-" + server);
      Map<String, Integer> types = Synthesized.resourceTypes(template);
      assertThat(types.get("AWS::DMS::ReplicationInstance")).isEqualTo(1);
      assertThat(types.get("AWS::DMS::ReplicationTask")).isEqualTo(50);
      // instance, its two alarms, the secrets role and the S3 role with their policies, the task
      // log group with its metric filter and alarm, the dashboard; per database two endpoints, a
      // task, two alarms
      assertThat(template.path("Resources").size()).isEqualTo(11 + 50 * 5);
      assertThat(Files.size(outdir.resolve("DmsFleet-Server-" + server + ".template.json")))
          .isLessThan(FleetChecks.MAX_TEMPLATE_BYTES);
    }
  }

  @Test
  void theFullestServerlessServerFitsOneStack() throws Exception {
    Path config =
        SyntheticConfig.write(
            work.resolve("config"), 1, Quotas.DATABASES_PER_SERVERLESS_SERVER, Compute.SERVERLESS);

    Synthesized synthesized = Synthesized.from(config, work.resolve("cdk.out"));

    assertThat(synthesized.exitCode()).as(synthesized.stderr()).isZero();
    // the secrets role and the S3 role with their policies, the dashboard; per database two
    // endpoints, a replication config, three alarms
    assertThat(synthesized.templates().get("DmsFleet-Server-sqlsrv1").path("Resources").size())
        .isEqualTo(5 + 82 * 6)
        .isLessThanOrEqualTo(Quotas.RESOURCES_PER_STACK);
  }
}
