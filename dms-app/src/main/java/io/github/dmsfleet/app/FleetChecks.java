package io.github.dmsfleet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;

/**
 * What a synthesized fleet must pass: cdk-nag's AwsSolutions pack on everything, the HIPAA pack's
 * DMS rule on the replication instances, and CloudFormation's template size limit. The CDK's
 * template validation and its limit of 500 resources per stack run by themselves.
 */
final class FleetChecks {
  static final long MAX_TEMPLATE_BYTES = 1_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STACK_ARTIFACT = "aws:cloudformation:stack";
  private static final String ERROR = "aws:cdk:error";
  private static final String WARNING = "aws:cdk:warning";
  private static final String VALIDATION_REPORT = "validation-report.json";

  private FleetChecks() {}

  /**
   * Adds the checks to every stack. cdk-nag's CSV reports cost seconds on a large fleet and are
   * read by no one but an auditor: {@code reports} writes them. Findings fail synthesis either way.
   */
  static void addTo(FleetStacks fleet, boolean reports) {
    NagPackProps props = NagPackProps.builder().reports(reports).build();
    AwsSolutionsChecks awsSolutions = new AwsSolutionsChecks(props);
    // Added once to the app, which holds the fleet's stacks alone, rather than once per stack.
    Aspects.of(fleet.getApp()).add(awsSolutions);
    // Applied to the instances alone, the HIPAA pack runs just its DMS rule
    // (DMSReplicationNotPublic).
    HIPAASecurityChecks hipaa = new HIPAASecurityChecks(props);
    for (ServerStack server : fleet.getServerStacks()) {
      IConstruct instance = server.getReplicationServer().getReplicationInstance();
      Aspects.of(instance).add(hipaa);
    }
  }

  /**
   * Every error, every cdk-nag finding, and every stack past CloudFormation's limits in a
   * synthesized cloud assembly; empty when all is well. Reads the assembly's manifest, whose schema
   * is stable, rather than jsii objects.
   */
  static List<String> findings(Path assemblyDir) {
    List<String> findings = new ArrayList<>();
    JsonNode artifacts = readJson(assemblyDir.resolve("manifest.json")).path("artifacts");
    artifacts
        .properties()
        .forEach(
            artifact -> {
              JsonNode stack = artifact.getValue();
              if (!STACK_ARTIFACT.equals(stack.path("type").asText())) {
                return;
              }
              findings.addAll(annotationFindings(stack.path("metadata")));
              if (stack.hasNonNull("additionalMetadataFile")) {
                Path metadataFile =
                    assemblyDir.resolve(stack.get("additionalMetadataFile").asText());
                findings.addAll(annotationFindings(readJson(metadataFile)));
              }
              Path template =
                  assemblyDir.resolve(stack.path("properties").path("templateFile").asText());
              findings.addAll(sizeFindings(artifact.getKey(), template));
            });
    return findings;
  }

  /** Errors, and cdk-nag's warnings, from a metadata map of construct path to entries. */
  private static List<String> annotationFindings(JsonNode metadata) {
    List<String> findings = new ArrayList<>();
    metadata
        .properties()
        .forEach(
            path -> {
              for (JsonNode entry : path.getValue()) {
                String type = entry.path("type").asText();
                String text = entry.path("data").asText();
                boolean nag =
                    text.startsWith("AwsSolutions-") || text.startsWith("HIPAA.Security-");
                if (ERROR.equals(type) || (WARNING.equals(type) && nag)) {
                  findings.add(path.getKey() + ": " + text);
                }
              }
            });
    return findings;
  }

  /**
   * Every violation in the report the CDK writes when synthesis fails validation: its template
   * rules, and error annotations such as cdk-nag's errors. Empty when there is no report.
   */
  static List<String> validationFindings(Path outdir) {
    Path report = outdir.resolve(VALIDATION_REPORT);
    List<String> findings = new ArrayList<>();
    if (!Files.exists(report)) {
      return findings;
    }
    for (JsonNode plugin : readJson(report).path("pluginReports")) {
      for (JsonNode violation : plugin.path("violations")) {
        String description = violation.path("description").asText().strip();
        for (JsonNode construct : violation.path("violatingConstructs")) {
          findings.add("/" + construct.path("constructPath").asText() + ": " + description);
        }
      }
    }
    return findings;
  }

  /**
   * The CDK itself refuses a stack of more than 500 resources; the template's size it leaves to
   * deployment.
   */
  private static List<String> sizeFindings(String stackName, Path template) {
    try {
      long bytes = Files.size(template);
      return bytes > MAX_TEMPLATE_BYTES
          ? List.of(
              stackName
                  + ": template is "
                  + bytes
                  + " bytes; CloudFormation allows "
                  + MAX_TEMPLATE_BYTES
                  + " (shorten the table mappings or move databases to another server)")
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
