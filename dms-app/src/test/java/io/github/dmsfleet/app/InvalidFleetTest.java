package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dmsfleet.model.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnWaitConditionHandle;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sns.Topic;

class InvalidFleetTest {
  @TempDir Path work;

  @Test
  void anInvalidConfigFailsWithTheModelsMessagesAndWritesNoTemplate() throws Exception {
    Path config = SyntheticConfig.write(work.resolve("config"), 1, 1);
    Files.writeString(config.resolve("parameters.txt"), "key,value\nmaxfilesize,0\n");
    Path outdir = work.resolve("cdk.out");

    Synthesized synthesized = Synthesized.from(config, outdir);

    assertThat(synthesized.exitCode()).isEqualTo(1);
    assertThat(synthesized.stderr())
        .isEqualTo(
            "error: The config has 1 problem:\n  "
                + config.resolve("parameters.txt")
                + ":2: key 'maxfilesize': must be a whole number of KiB from 1 to 1048576, got '0'"
                + System.lineSeparator());
    assertThat(synthesized.templates()).isEmpty();
  }

  @Test
  void unacknowledgedFindingsFailTheChecks() throws Exception {
    Path config = SyntheticConfig.write(work.resolve("config"), 1, 1);
    App app = DmsFleetApp.newApp(Map.of(), work.resolve("cdk.out"));
    FleetStacks stacks = FleetStacks.create(app, ConfigLoader.load(config), null);
    ServerStack server = stacks.getServerStacks().get(0);
    server.getReplicationServer().getReplicationInstance().setPubliclyAccessible(true);
    new Topic(server, "UnencryptedTopic");
    FleetChecks.addTo(stacks, false);

    assertThatThrownBy(app::synth).hasMessageContaining("ValidationFailed");
    List<String> findings = FleetChecks.validationFindings(work.resolve("cdk.out"));

    assertThat(findings)
        .anySatisfy(
            f ->
                assertThat(f)
                    .startsWith(
                        "/DmsFleet-Server-sqlsrv1/ReplicationServer/Resource: HIPAA.Security-DMSReplicationNotPublic"));
    assertThat(findings)
        .anySatisfy(
            f ->
                assertThat(f)
                    .startsWith(
                        "/DmsFleet-Server-sqlsrv1/UnencryptedTopic/Resource: AwsSolutions-SNS3"));
  }

  @Test
  void aTemplateOverOneMegabyteIsAFinding() throws Exception {
    Path outdir = work.resolve("cdk.out");
    App app = DmsFleetApp.newApp(Map.of(), outdir);
    Stack stack = new Stack(app, "Heavy");
    new CfnWaitConditionHandle(stack, "Handle").addMetadata("Padding", "x".repeat(1_000_000));

    List<String> findings = FleetChecks.findings(Path.of(app.synth().getDirectory()));

    long bytes = Files.size(outdir.resolve("Heavy.template.json"));
    assertThat(bytes).isGreaterThan(FleetChecks.MAX_TEMPLATE_BYTES);
    assertThat(findings)
        .containsExactly(
            "Heavy: template is "
                + bytes
                + " bytes; CloudFormation allows 1000000"
                + " (shorten the table mappings or move databases to another server)");
  }
}
