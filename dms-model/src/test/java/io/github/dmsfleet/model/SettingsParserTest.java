package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.dmsfleet.rules.Compute;
import io.github.dmsfleet.rules.MigrationType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsParserTest {
  @TempDir Path dir;

  private Path file;

  private Settings parse(String text, Problems problems) throws Exception {
    file = dir.resolve("parameters.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return SettingsParser.read(ConfigFiles.in(file.getParent()), file, problems).settings();
  }

  private List<String> problemsOf(String text) throws Exception {
    Problems problems = new Problems();
    parse(text, problems);
    try {
      problems.throwIfAny();
    } catch (ConfigException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    return List.of();
  }

  @Test
  void anEmptyFileGivesTheDefaults() throws Exception {
    assertThat(parse("key,value\n", new Problems())).isEqualTo(Settings.defaults());
    assertThat(problemsOf("key,value\n")).isEmpty();
  }

  @Test
  void readsTheSampleKeysInAnyCase() throws Exception {
    Settings settings =
        parse(
            """
            key,value
            InstanceSize,dms.t3.medium
            maxfilesize, 8192\s
            task_migration_type,CDC
            """,
            new Problems());

    assertThat(settings.instanceClass()).isEqualTo("dms.t3.medium");
    assertThat(settings.maxFileSizeKiB()).isEqualTo(8192);
    assertThat(settings.migrationType()).isEqualTo(MigrationType.CDC);
  }

  @Test
  void readsListsTagsAndAnExistingNetwork() throws Exception {
    Settings settings =
        parse(
            """
            key,value
            vpc_id,vpc-0a1b2c3d
            subnet_ids,subnet-0a1b2c3d;subnet-1a2b3c4d
            alert_email,a@example.com; b@example.com
            tags,Project=lake;Owner = data team
            """,
            new Problems());

    assertThat(settings.vpcId()).contains("vpc-0a1b2c3d");
    assertThat(settings.subnetIds()).containsExactly("subnet-0a1b2c3d", "subnet-1a2b3c4d");
    assertThat(settings.alertEmails()).containsExactly("a@example.com", "b@example.com");
    assertThat(settings.tags())
        .containsExactly(entry("Project", "lake"), entry("Owner", "data team"));
  }

  @Test
  void readsServerlessSecurityAndLogSettings() throws Exception {
    Settings settings =
        parse(
            """
            key,value
            compute,Serverless
            max_capacity_units,64
            min_capacity_units,4
            source_cidrs,10.1.0.0/24; 192.168.7.0/28
            allow_unencrypted_sources,true
            secrets_kms_key_arn,arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
            log_retention_days,365
            """,
            new Problems());

    assertThat(settings.compute()).isEqualTo(Compute.SERVERLESS);
    assertThat(settings.maxCapacityUnits()).isEqualTo(64);
    assertThat(settings.minCapacityUnits()).hasValue(4);
    assertThat(settings.sourceCidrs()).containsExactly("10.1.0.0/24", "192.168.7.0/28");
    assertThat(settings.allowUnencryptedSources()).isTrue();
    assertThat(settings.secretsKmsKeyArn())
        .contains("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(settings.logRetentionDays()).isEqualTo(365);
  }

  @Test
  void theNewKeysDefaultToInstancesSixteenUnitsNoCidrsAndNinetyDays() throws Exception {
    Settings settings = parse("key,value\n", new Problems());

    assertThat(settings.compute()).isEqualTo(Compute.INSTANCE);
    assertThat(settings.maxCapacityUnits()).isEqualTo(16);
    assertThat(settings.minCapacityUnits()).isEmpty();
    assertThat(settings.sourceCidrs()).isEmpty();
    assertThat(settings.allowUnencryptedSources()).isFalse();
    assertThat(settings.secretsKmsKeyArn()).isEmpty();
    assertThat(settings.logRetentionDays()).isEqualTo(90);
  }

  @Test
  void everyBadNewValueIsReportedWithWhatWouldBeRight() throws Exception {
    assertThat(
            problemsOf(
                """
        key,value
        compute,lambda
        max_capacity_units,3
        min_capacity_units,none
        source_cidrs,10.1.0.0/24;10.1.0.5/24
        log_retention_days,100
        secrets_kms_key_arn,alias/secrets
        allow_unencrypted_sources,sometimes
        """))
        .containsExactly(
            file + ":2: key 'compute': 'lambda' is not one of instance, serverless",
            file
                + ":3: key 'max_capacity_units': must be one of 1, 2, 4, 8, 16, 32, 64, 128, 192, 256,"
                + " 384 DMS capacity units, got '3'",
            file
                + ":4: key 'min_capacity_units': must be one of 1, 2, 4, 8, 16, 32, 64, 128, 192, 256,"
                + " 384 DMS capacity units, got 'none'",
            file
                + ":5: key 'source_cidrs': '10.1.0.5/24' is not an IPv4 CIDR block such as"
                + " 10.1.0.0/24: four numbers up to 255, a prefix from /1 to /32, no bit set after"
                + " the prefix (separate several with ;)",
            file
                + ":6: key 'log_retention_days': must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150,"
                + " 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 days, got '100'",
            file
                + ":7: key 'secrets_kms_key_arn': 'alias/secrets' is not a KMS key ARN such as"
                + " arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            file + ":8: key 'allow_unencrypted_sources': must be true or false, got 'sometimes'");
  }

  @Test
  void aControlCharacterIsRefusedWithoutPrintingTheValue() throws Exception {
    assertThat(problemsOf("key,value\nstack_prefix,Dms\u001B[2JFleet\ntags,Team=\u202Elake\n"))
        .containsExactly(
            file + ":2: 'value' holds the control character U+001B; remove it",
            file + ":3: 'value' holds the control character U+202E; remove it");
  }

  @Test
  void anUnknownKeySuggestsTheNearestKnownKey() throws Exception {
    assertThat(problemsOf("key,value\ntask_migraton_type,cdc\n"))
        .containsExactly(
            file + ":2: unknown key 'task_migraton_type'; did you mean 'task_migration_type'?");
  }

  @Test
  void aKeySetTwiceIsAnError() throws Exception {
    assertThat(problemsOf("key,value\nmulti_az,true\nmulti_az,false\n"))
        .containsExactly(file + ":3: key 'multi_az' is already set on line 2; keep one of the two");
  }

  @Test
  void aKeyWithoutValueIsAnError() throws Exception {
    assertThat(problemsOf("key,value\ncompression,\n"))
        .containsExactly(file + ":2: key 'compression' has no value; give one or remove the row");
  }

  @Test
  void everyBadValueIsReportedWithWhatWouldBeRight() throws Exception {
    assertThat(
            problemsOf(
                """
        key,value
        instancesize,r5.xlarge
        maxfilesize,4MB
        task_migration_type,full-load-cdc
        allocated_storage,1
        multi_az,maybe
        vpc_cidr,10.0.0.0/8
        output_format,json
        alert_email,ops-at-example.com
        tags,Project
        secret_name_pattern,dms_{server}
        maintenance_window,sunday 4am
        """))
        .containsExactly(
            file
                + ":2: key 'instancesize': 'r5.xlarge' is not a DMS instance class such as dms.r5.xlarge",
            file
                + ":3: key 'maxfilesize': must be a whole number of KiB from 1 to 1048576, got '4MB'",
            file
                + ":4: key 'task_migration_type': 'full-load-cdc' is not one of full-load, cdc, full-load-and-cdc",
            file
                + ":5: key 'allocated_storage': must be a whole number of GiB from 5 to 6144, got '1'",
            file + ":6: key 'multi_az': must be true or false, got 'maybe'",
            file
                + ":7: key 'vpc_cidr': '10.0.0.0/8' is not an IPv4 CIDR block from /16 to /24, such as 10.0.0.0/18",
            file + ":8: key 'output_format': 'json' is not one of parquet, csv",
            file
                + ":9: key 'alert_email': 'ops-at-example.com' is not an e-mail address such as"
                + " dba@example.com (separate several with ;)",
            file
                + ":10: key 'tags': 'Project' is not key=value; write tags as Key1=Value1;Key2=Value2",
            file
                + ":11: key 'secret_name_pattern': 'dms_{server}' must contain {server} and {dbname} (and may contain"
                + " {engine}) so that every database gets its own secret",
            file
                + ":12: key 'maintenance_window': 'sunday 4am' is not ddd:hh24:mi-ddd:hh24:mi in UTC, such as"
                + " sun:04:00-sun:04:30");
  }

  @Test
  void anExistingVpcNeedsTwoSubnetsAndNoCidr() throws Exception {
    assertThat(problemsOf("key,value\nvpc_cidr,10.1.0.0/16\nvpc_id,vpc-0a1b2c3d\n"))
        .containsExactly(
            file
                + ":2: key 'vpc_cidr' sizes a new VPC but 'vpc_id' names an existing one; remove one of the two",
            file
                + ":3: key 'vpc_id' needs 'subnet_ids' with at least two subnets in different availability zones");
  }

  @Test
  void subnetsNeedTheirVpc() throws Exception {
    assertThat(problemsOf("key,value\nsubnet_ids,subnet-0a1b2c3d subnet-1a2b3c4d\n"))
        .containsExactly(file + ":2: key 'subnet_ids' needs 'vpc_id', the VPC that holds them");
  }

  @Test
  void anExistingBucketNeedsItsKey() throws Exception {
    assertThat(problemsOf("key,value\nbucket_name,lake-bucket\n"))
        .containsExactly(
            file
                + ":2: key 'bucket_name'"
                + " needs 'kms_key_arn', the KMS key the bucket is encrypted with (DMS writes with SSE-KMS)");
  }

  @Test
  void theS3PrefixIsAFolderWithoutWildcardsOrEmptyParts() throws Exception {
    assertThat(parse("key,value\ns3_prefix,/lake/raw/\n", new Problems()).s3Prefix())
        .isEqualTo("lake/raw");
    assertThat(problemsOf("key,value\ns3_prefix,lake//raw\n"))
        .containsExactly(
            file
                + ":2: key 's3_prefix':"
                + " 'lake//raw' is not an S3 folder such as data or lake/raw: letters, digits and ! _ . ' ( ) -, parts"
                + " joined by single /");
    assertThat(problemsOf("key,value\ns3_prefix,raw*\n")).hasSize(1);
  }

  @Test
  void tagsMayNotUseTheReservedPrefix() throws Exception {
    assertThat(problemsOf("key,value\ntags,Team=lake;aws:owner=me\n"))
        .containsExactly(
            file
                + ":2: key 'tags': 'aws:owner' is not a tag key: 1 to 128 letters, digits, spaces and _"
                + " . : / = + - @, not starting with aws:");
  }

  @Test
  void tagValuesAreNeverEmptyBecauseAlarmsTakeNone() throws Exception {
    assertThat(problemsOf("key,value\ntags,Team=lake;Owner=\n"))
        .containsExactly(
            file
                + ":2: key 'tags': tag 'Owner' has the value '', which is not a tag value: 1 to 256"
                + " letters, digits, spaces and _ . : / = + - @");
  }

  @Test
  void aWrongHeaderIsReported() throws Exception {
    assertThat(problemsOf("name,value\ninstancesize,dms.r5.large\n"))
        .containsExactly(
            file + ":1: the header lacks the column 'key'; the header must hold key,value",
            file + ":1: unknown column 'name'; did you mean 'value'?");
  }
}
