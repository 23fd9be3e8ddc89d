package io.github.dmsfleet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;
import software.constructs.IConstruct;

/**
 * What a synthesized fleet must pass: cdk-nag's AwsSolutions pack on everything, the HIPAA pack's DMS rule on the
 * replication instances, and CloudFormation's per-stack limits. The CDK's template validation runs by itself.
 */
final class FleetChecks {
  static final int MAX_RESOURCES_PER_STACK = 500;
  static final long MAX_TEMPLATE_BYTES = 1_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private FleetChecks() {}

  static void addTo(FleetStacks fleet) {
    fleet.getStacks().forEach(stack -> Aspects.of(stack).add(new AwsSolutionsChecks()));
    // Applied to the instances alone, the HIPAA pack runs just its DMS rule (DMSReplicationNotPublic).
    HIPAASecurityChecks hipaa = new HIPAASecurityChecks();
    for (ServerStack server : fleet.getServerStacks()) {
      IConstruct instance = server.getReplicationServer().getReplicationInstance();
      Aspects.of(instance).add(hipaa);
    }
  }

  /** Every error, every cdk-nag finding, and every stack past CloudFormation's limits; empty when all is well. */
  static List<String> findings(CloudAssembly assembly) {
    List<String> findings = new ArrayList<>();
    for (CloudFormationStackArtifact stack : assembly.getStacksRecursively()) {
      for (SynthesisMessage message : stack.getMessages()) {
        String text = String.valueOf(message.getEntry().getData());
        boolean nag = text.startsWith("AwsSolutions-") || text.startsWith("HIPAA.Security-");
        if (message.getLevel() == SynthesisMessageLevel.ERROR || nag) {
          findings.add(message.getId() + ": " + text);
        }
      }
      findings.addAll(limitFindings(stack));
    }
    return findings;
  }

  private static List<String> limitFindings(CloudFormationStackArtifact stack) {
    Path template = Path.of(stack.getTemplateFullPath());
    List<String> findings = new ArrayList<>();
    try {
      long bytes = Files.size(template);
      int resources = JSON.readTree(template.toFile()).path("Resources").size();
      if (resources > MAX_RESOURCES_PER_STACK) {
        findings.add(stack.getStackName() + ": " + resources + " resources; CloudFormation allows "
            + MAX_RESOURCES_PER_STACK + " per stack");
      }
      if (bytes > MAX_TEMPLATE_BYTES) {
        findings.add(stack.getStackName() + ": template is " + bytes + " bytes; CloudFormation allows "
            + MAX_TEMPLATE_BYTES + " (shorten the table mappings or move databases to another server)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return findings;
  }
}
