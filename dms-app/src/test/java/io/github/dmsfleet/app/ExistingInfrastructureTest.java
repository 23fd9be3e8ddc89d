package io.github.dmsfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet that brings its own VPC, bucket, KMS key and account roles. */
class ExistingInfrastructureTest {
  private static final String KEY_ARN =
      "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  @TempDir Path work;

  @Test
  void usesTheExistingVpcBucketKeyAndRoles() throws Exception {
    Path config = SyntheticConfig.write(work.resolve("config"), 1, 1);
    Files.writeString(
        config.resolve("parameters.txt"),
        String.join(
            "\n",
            "key,value",
            "vpc_id,vpc-0a1b2c3d4e5f60718",
            "subnet_ids,subnet-0a1b2c3d4e5f60718;subnet-1a2b3c4d5e6f70819",
            "bucket_name,existing-lake",
            "kms_key_arn," + KEY_ARN,
            "create_account_roles,false",
            ""));

    Synthesized synthesized = Synthesized.from(config, work.resolve("cdk.out"));

    assertThat(synthesized.exitCode()).as(synthesized.stderr()).isZero();
    Map<String, JsonNode> templates = synthesized.templates();
    assertThat(templates)
        .containsOnlyKeys(
            "DmsFleet-Network", "DmsFleet-Alerts", "DmsFleet-Overview", "DmsFleet-Server-sqlsrv1");
    // The existing VPC keeps its own endpoints; the network looks up S3's prefix list.
    assertThat(Synthesized.resourceTypes(templates.get("DmsFleet-Network")))
        .contains(
            entry("AWS::DMS::ReplicationSubnetGroup", 1),
            entry("AWS::EC2::SecurityGroup", 1),
            entry("Custom::AWS", 1))
        .doesNotContainKeys("AWS::EC2::VPC", "AWS::EC2::VPCEndpoint", "AWS::S3::Bucket");
    JsonNode subnetGroup =
        findFirst(templates.get("DmsFleet-Network"), "AWS::DMS::ReplicationSubnetGroup");
    assertThat(subnetGroup.path("Properties").path("SubnetIds").toString())
        .isEqualTo("[\"subnet-0a1b2c3d4e5f60718\",\"subnet-1a2b3c4d5e6f70819\"]");
    JsonNode target =
        findFirst(templates.get("DmsFleet-Server-sqlsrv1"), "AWS::DMS::Endpoint", "target");
    assertThat(target.path("Properties").path("S3Settings").path("BucketName").asText())
        .isEqualTo("existing-lake");
    assertThat(
            target
                .path("Properties")
                .path("S3Settings")
                .path("ServerSideEncryptionKmsKeyId")
                .asText())
        .isEqualTo(KEY_ARN);
    JsonNode instance =
        findFirst(templates.get("DmsFleet-Server-sqlsrv1"), "AWS::DMS::ReplicationInstance");
    assertThat(instance.path("Properties").path("KmsKeyId").asText()).isEqualTo(KEY_ARN);
    // The existing key's policy is its owner's: config/README.md gives the statement it needs.
    JsonNode taskLogs = findFirst(templates.get("DmsFleet-Server-sqlsrv1"), "AWS::Logs::LogGroup");
    assertThat(taskLogs.path("Properties").path("KmsKeyId").asText()).isEqualTo(KEY_ARN);
  }

  private static JsonNode findFirst(JsonNode template, String type) {
    return findFirst(template, type, null);
  }

  private static JsonNode findFirst(JsonNode template, String type, String endpointType) {
    for (JsonNode resource : template.path("Resources")) {
      boolean endpointMatches =
          endpointType == null
              || endpointType.equals(resource.path("Properties").path("EndpointType").asText());
      if (resource.path("Type").asText().equals(type) && endpointMatches) {
        return resource;
      }
    }
    throw new AssertionError("no " + type);
  }
}
