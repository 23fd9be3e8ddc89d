package io.github.dmsfleet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TextRulesTest {

  @Test
  void identifiersFollowTheDmsRuleInEitherCase() {
    assertThat(DmsIdentifiers.INSTANCE.accepts("a-b1")).isTrue();
    assertThat(DmsIdentifiers.INSTANCE.accepts("Sales-DB01")).isTrue();
    assertThat(DmsIdentifiers.INSTANCE.accepts("1ab")).isFalse();
    assertThat(DmsIdentifiers.INSTANCE.accepts("ab-")).isFalse();
    assertThat(DmsIdentifiers.INSTANCE.accepts("a--b")).isFalse();
    assertThat(DmsIdentifiers.INSTANCE.accepts("sales_db01")).isFalse();
    assertThat(DmsIdentifiers.INSTANCE.accepts("")).isFalse();
    assertThat(DmsIdentifiers.INSTANCE.accepts(null)).isFalse();
  }

  @Test
  void identifierLengthsAreDmsLimits() {
    assertThat(DmsIdentifiers.INSTANCE.accepts("a".repeat(63))).isTrue();
    assertThat(DmsIdentifiers.INSTANCE.accepts("a".repeat(64))).isFalse();
    assertThat(DmsIdentifiers.TASK_OR_ENDPOINT.accepts("a".repeat(255))).isTrue();
    assertThat(DmsIdentifiers.TASK_OR_ENDPOINT.accepts("a".repeat(256))).isFalse();
  }

  @Test
  void sourceCidrsAreNetworksWithNoBitSetAfterThePrefix() {
    assertThat(Networks.SOURCE_CIDR.accepts("10.1.0.0/24")).isTrue();
    assertThat(Networks.SOURCE_CIDR.accepts("192.168.10.7/32")).isTrue();
    assertThat(Networks.SOURCE_CIDR.accepts("128.0.0.0/1")).isTrue();
    assertThat(Networks.SOURCE_CIDR.accepts("10.1.0.5/24")).isFalse();
    assertThat(Networks.SOURCE_CIDR.accepts("0.0.0.0/0")).isFalse();
    assertThat(Networks.SOURCE_CIDR.accepts("10.1.0.0/33")).isFalse();
    assertThat(Networks.SOURCE_CIDR.accepts("10.256.0.0/16")).isFalse();
    assertThat(Networks.SOURCE_CIDR.accepts("10.1.0.0")).isFalse();
    assertThat(Networks.SOURCE_CIDR.accepts("fd00::/8")).isFalse();
  }

  @Test
  void capacityUnitsAndLogRetentionsAreTheListedValues() {
    assertThat(Serverless.isCapacityUnits(16)).isTrue();
    assertThat(Serverless.isCapacityUnits(384)).isTrue();
    assertThat(Serverless.isCapacityUnits(3)).isFalse();
    assertThat(Serverless.isCapacityUnits(512)).isFalse();
    assertThat(Serverless.expectedCapacityUnits())
        .isEqualTo("one of 1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384 DMS capacity units");
    assertThat(CloudWatchLogs.isRetentionDays(90)).isTrue();
    assertThat(CloudWatchLogs.isRetentionDays(3653)).isTrue();
    assertThat(CloudWatchLogs.isRetentionDays(0)).isFalse();
    assertThat(CloudWatchLogs.isRetentionDays(100)).isFalse();
  }

  @Test
  void dmsStoresIdentifiersInLowerCase() {
    assertThat(DmsIdentifiers.stored("Sales-DB01")).isEqualTo("sales-db01");
  }

  @Property
  void maintenanceWindowsNeedRealHoursAndMinutes(
      @ForAll @IntRange(max = 99) int hour, @ForAll @IntRange(max = 99) int minute) {
    String window = "sun:%02d:%02d-sun:23:59".formatted(hour, minute);

    assertThat(ReplicationInstances.MAINTENANCE_WINDOW.accepts(window))
        .as(window)
        .isEqualTo(hour <= 23 && minute <= 59);
  }

  @Test
  void maintenanceWindowsNameDaysInLowerCase() {
    assertThat(ReplicationInstances.MAINTENANCE_WINDOW.accepts("sun:04:00-sun:04:30")).isTrue();
    assertThat(ReplicationInstances.MAINTENANCE_WINDOW.accepts("sun:99:99-sun:99:99")).isFalse();
    assertThat(ReplicationInstances.MAINTENANCE_WINDOW.accepts("sunday 4am")).isFalse();
    assertThat(ReplicationInstances.MAINTENANCE_WINDOW.accepts("Sun:04:00-Sun:04:30")).isFalse();
  }

  @Test
  void instanceClassesAreDmsClasses() {
    assertThat(ReplicationInstances.INSTANCE_CLASS.accepts("dms.r5.xlarge")).isTrue();
    assertThat(ReplicationInstances.INSTANCE_CLASS.accepts("r5.xlarge")).isFalse();
    assertThat(ReplicationInstances.INSTANCE_CLASS.expected())
        .isEqualTo("a DMS instance class such as dms.r5.xlarge");
  }

  @Property
  void vpcCidrsHaveOctetsUpTo255AndAPrefixFrom16To24(
      @ForAll @IntRange(max = 300) int octet, @ForAll @IntRange(max = 32) int prefix) {
    String cidr = "10." + octet + ".0.0/" + prefix;

    assertThat(Networks.VPC_CIDR.accepts(cidr))
        .as(cidr)
        .isEqualTo(octet <= 255 && prefix >= 16 && prefix <= 24);
  }

  @Test
  void foldersAreSafeKeyPrefixesWithoutEmptyParts() {
    assertThat(S3Targets.FOLDER.accepts("lake/raw/srv_1/sales(eu)")).isTrue();
    assertThat(S3Targets.FOLDER.accepts("/lake")).isFalse();
    assertThat(S3Targets.FOLDER.accepts("lake/")).isFalse();
    assertThat(S3Targets.FOLDER.accepts("lake//raw")).isFalse();
    assertThat(S3Targets.FOLDER.accepts("lake/*")).isFalse();
    assertThat(S3Targets.FOLDER.accepts("lake?")).isFalse();
    assertThat(S3Targets.FOLDER.accepts("")).isFalse();
  }

  @Property
  void aSafeFolderNameIsAFolder(@ForAll String name) {
    String folder = S3Targets.safeFolderName(name);

    assertThat(name.isEmpty() || S3Targets.FOLDER.accepts(folder)).as(folder).isTrue();
  }

  @Test
  void bucketNamesFollowS3AndTheCdk() {
    assertThat(S3Targets.BUCKET_NAME.accepts("lake.bucket-01")).isTrue();
    assertThat(S3Targets.BUCKET_NAME.accepts("Lake")).isFalse();
    assertThat(S3Targets.BUCKET_NAME.accepts("lake-")).isFalse();
    assertThat(S3Targets.BUCKET_NAME.accepts("ab")).isFalse();
    assertThat(S3Targets.BUCKET_NAME.accepts("a".repeat(64))).isFalse();
    assertThat(S3Targets.BUCKET_NAME.accepts("lake--01")).isTrue();
    assertThat(S3Targets.BUCKET_NAME.accepts("lake..01")).isFalse();
    assertThat(S3Targets.BUCKET_NAME.accepts("lake.-01")).isFalse();
    assertThat(S3Targets.BUCKET_NAME.accepts("lake-.01")).isFalse();
    assertThat(S3Targets.BUCKET_NAME.accepts("192.168.5.4")).isFalse();
  }

  @Property
  void secretNamesWithLegalCharactersAreSecretNames(@ForAll String name) {
    String legal = Secrets.withLegalCharacters(name);

    assertThat(name.isEmpty() || legal.length() > 512 || Secrets.NAME.accepts(legal))
        .as(legal)
        .isTrue();
  }

  @Test
  void secretNamesThatLookLikeAnArnSuffixAreLegalButFlagged() {
    assertThat(Secrets.NAME.accepts("dms/sales-backup")).isTrue();
    assertThat(Secrets.looksLikeArnSuffix("dms/sales-backup")).isTrue();
    assertThat(Secrets.looksLikeArnSuffix("dms_sales_sql_server")).isFalse();
    assertThat(Secrets.NAME.accepts("a".repeat(513))).isFalse();
  }

  @Test
  void emailAddressesHaveAnAtAndADottedDomain() {
    assertThat(Alerts.EMAIL_ADDRESS.accepts("dba@example.com")).isTrue();
    assertThat(Alerts.EMAIL_ADDRESS.accepts("dba-at-example.com")).isFalse();
    assertThat(Alerts.EMAIL_ADDRESS.accepts("dba@localhost")).isFalse();
  }

  @Test
  void tagsTakeWhatEveryTaggedResourceTakes() {
    assertThat(ResourceTags.KEY.accepts("Cost centre:Team/Data_Lake+1@eu=x")).isTrue();
    assertThat(ResourceTags.KEY.accepts("aws:owner")).isFalse();
    assertThat(ResourceTags.KEY.accepts("Project#1")).isFalse();
    assertThat(ResourceTags.KEY.accepts("k".repeat(129))).isFalse();
    assertThat(ResourceTags.VALUE.accepts("Daten-Plattform é")).isTrue();
    assertThat(ResourceTags.VALUE.accepts("")).isFalse();
    assertThat(ResourceTags.VALUE.accepts("v".repeat(257))).isFalse();
  }

  @Test
  void rangesIncludeBothEnds() {
    assertThat(S3Targets.MAX_FILE_SIZE_KIB.contains(1)).isTrue();
    assertThat(S3Targets.MAX_FILE_SIZE_KIB.contains(1_048_576)).isTrue();
    assertThat(S3Targets.MAX_FILE_SIZE_KIB.contains(0)).isFalse();
    assertThat(S3Targets.MAX_FILE_SIZE_KIB.contains(1_048_577)).isFalse();
  }

  @Test
  void theDefaultsFollowTheRules() {
    assertThat(ReplicationInstances.INSTANCE_CLASS.accepts(Defaults.INSTANCE_CLASS)).isTrue();
    assertThat(ReplicationInstances.ALLOCATED_STORAGE_GIB.contains(Defaults.ALLOCATED_STORAGE_GIB))
        .isTrue();
    assertThat(S3Targets.MAX_FILE_SIZE_KIB.contains(Defaults.MAX_FILE_SIZE_KIB)).isTrue();
    assertThat(S3Targets.GLACIER_TRANSITION_DAYS.contains(Defaults.GLACIER_TRANSITION_DAYS))
        .isTrue();
    assertThat(Networks.VPC_CIDR.accepts(Defaults.VPC_CIDR)).isTrue();
    assertThat(Serverless.isCapacityUnits(Defaults.MAX_CAPACITY_UNITS)).isTrue();
    assertThat(CloudWatchLogs.isRetentionDays(Defaults.LOG_RETENTION_DAYS)).isTrue();
    assertThat(Defaults.COMPUTE.value()).isEqualTo("instance");
  }
}
