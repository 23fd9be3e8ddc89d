package io.github.dmsfleet.ops.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.ChangeAction;
import software.amazon.awssdk.services.cloudformation.model.Replacement;
import software.amazon.awssdk.services.cloudformation.model.RequiresRecreation;
import software.amazon.awssdk.services.cloudformation.model.ResourceAttribute;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.ResourceChangeDetail;
import software.amazon.awssdk.services.cloudformation.model.ResourceTargetDefinition;

/** The classification of one CloudFormation resource change, rule by rule. */
class DmsChangeTest {
  private static final String ARN = "arn:aws:dms:us-east-1:123456789012:task:TASK1";

  @Test
  void aPropertyChangeOfATaskStopsItButReloadsNothing() {
    DmsChange change = modify("AWS::DMS::ReplicationTask", Replacement.FALSE, "TableMappings");

    assertThat(change.effect()).isEqualTo(DmsChange.Effect.MODIFIED);
    assertThat(change.stopsReplication()).isTrue();
    assertThat(change.reloads()).isFalse();
    assertThat(change.describe("task")).isEqualTo("task modified: TableMappings");
  }

  @Test
  void tagsAloneTouchNoReplication() {
    ResourceChange tags =
        change("AWS::DMS::Endpoint", ChangeAction.MODIFY, Replacement.FALSE)
            .details(detail(ResourceAttribute.TAGS, null, RequiresRecreation.NEVER))
            .build();

    DmsChange change = DmsChange.of(tags);

    assertThat(change.properties()).isEmpty();
    assertThat(change.stopsReplication()).isFalse();
    assertThat(change.touchesReplication()).isFalse();
  }

  @Test
  void anEndpointSettingStopsItsTasks() {
    DmsChange change =
        modify("AWS::DMS::Endpoint", Replacement.FALSE, "MicrosoftSqlServerSettings");

    assertThat(change.stopsReplication()).isTrue();
    assertThat(change.describe("source endpoint"))
        .isEqualTo("source endpoint modified: MicrosoftSqlServerSettings");
  }

  @Test
  void instancePropertiesThatDoNotInterruptLeaveTheTasksRunning() {
    for (String property : DmsChange.INSTANCE_UPDATES_WITHOUT_RESTART) {
      DmsChange change = modify("AWS::DMS::ReplicationInstance", Replacement.FALSE, property);

      assertThat(change.stopsReplication()).as(property).isFalse();
      assertThat(change.touchesReplication()).as(property).isTrue();
    }
    assertThat(
            modify("AWS::DMS::ReplicationInstance", Replacement.FALSE, "MultiAZ")
                .describe("instance"))
        .isEqualTo("instance modified: MultiAZ (no restart)");
  }

  @Test
  void theInstanceClassEngineVersionAndUnknownPropertiesRestartTheInstance() {
    for (String property : List.of("ReplicationInstanceClass", "EngineVersion", "DnsNameServers")) {
      DmsChange change =
          modify("AWS::DMS::ReplicationInstance", Replacement.FALSE, property, "MultiAZ");

      assertThat(change.stopsReplication()).as(property).isTrue();
      assertThat(change.describe("instance")).endsWith("(restarts it)");
    }
  }

  @Test
  void aReplacementReloadsAndCloudFormationRefusesItUnderTheSameName() {
    DmsChange sameName =
        modify("AWS::DMS::ReplicationTask", Replacement.TRUE, "ReplicationInstanceArn");
    DmsChange renamed =
        modify(
            "AWS::DMS::ReplicationTask",
            Replacement.TRUE,
            "ReplicationInstanceArn",
            "ReplicationTaskIdentifier");

    assertThat(sameName.effect()).isEqualTo(DmsChange.Effect.REPLACED);
    assertThat(sameName.reloads()).isTrue();
    assertThat(sameName.replacesACustomName()).isTrue();
    assertThat(renamed.replacesACustomName()).isFalse();
  }

  @Test
  void aConditionalReplacementMayReplace() {
    DmsChange change = modify("AWS::DMS::Endpoint", Replacement.CONDITIONAL, "EngineName");

    assertThat(change.effect()).isEqualTo(DmsChange.Effect.MAY_BE_REPLACED);
    assertThat(change.reloads()).isTrue();
    assertThat(change.describe("target endpoint"))
        .isEqualTo("target endpoint may be replaced: EngineName");
  }

  @Test
  void removalsAndDynamicChangesStopWhatTheyTouch() {
    DmsChange removed =
        DmsChange.of(change("AWS::DMS::ReplicationTask", ChangeAction.REMOVE, null).build());
    DmsChange dynamic =
        DmsChange.of(change("AWS::DMS::ReplicationTask", ChangeAction.DYNAMIC, null).build());

    assertThat(removed.effect()).isEqualTo(DmsChange.Effect.REMOVED);
    assertThat(removed.stopsReplication()).isTrue();
    assertThat(removed.reloads()).isFalse();
    assertThat(dynamic.effect()).isEqualTo(DmsChange.Effect.UNDETERMINED);
    assertThat(dynamic.stopsReplication()).isTrue();
  }

  @Test
  void aServerlessConfigIsClassifiedLikeATask() {
    DmsChange change =
        modify("AWS::DMS::ReplicationConfig", Replacement.FALSE, "ReplicationSettings");

    assertThat(change.kind()).isEqualTo(ResourceKind.REPLICATION_CONFIG);
    assertThat(change.stopsReplication()).isTrue();
    assertThat(change.describe("replication config"))
        .isEqualTo("replication config modified: ReplicationSettings");
  }

  @Test
  void addsImportsAndOtherTypesAreNoDmsChange() {
    assertThat(DmsChange.of(change("AWS::DMS::ReplicationTask", ChangeAction.ADD, null).build()))
        .isNull();
    assertThat(DmsChange.of(change("AWS::DMS::ReplicationTask", ChangeAction.IMPORT, null).build()))
        .isNull();
    assertThat(
            DmsChange.of(
                change("AWS::CloudWatch::Alarm", ChangeAction.MODIFY, Replacement.TRUE).build()))
        .isNull();
  }

  private static DmsChange modify(String type, Replacement replacement, String... properties) {
    ResourceChange.Builder change = change(type, ChangeAction.MODIFY, replacement);
    change.details(
        List.of(properties).stream()
            .map(p -> detail(ResourceAttribute.PROPERTIES, p, RequiresRecreation.NEVER))
            .toList());
    return DmsChange.of(change.build());
  }

  private static ResourceChange.Builder change(
      String type, ChangeAction action, Replacement replacement) {
    return ResourceChange.builder()
        .action(action)
        .logicalResourceId("Resource")
        .physicalResourceId(action == ChangeAction.ADD ? null : ARN)
        .resourceType(type)
        .replacement(replacement);
  }

  private static ResourceChangeDetail detail(
      ResourceAttribute attribute, String name, RequiresRecreation recreation) {
    return ResourceChangeDetail.builder()
        .target(
            ResourceTargetDefinition.builder()
                .attribute(attribute)
                .name(name)
                .requiresRecreation(recreation)
                .build())
        .build();
  }
}
