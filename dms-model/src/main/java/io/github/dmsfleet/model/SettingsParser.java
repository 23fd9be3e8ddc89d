package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.Alerts;
import io.github.dmsfleet.rules.Compute;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.Networks;
import io.github.dmsfleet.rules.ReplicationInstances;
import io.github.dmsfleet.rules.ResourceTags;
import io.github.dmsfleet.rules.S3Compression;
import io.github.dmsfleet.rules.S3DataFormat;
import io.github.dmsfleet.rules.S3Targets;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.SslMode;
import io.github.dmsfleet.rules.Suggestions;
import io.github.dmsfleet.rules.TextRule;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** Reads {@code parameters.txt} ({@code key,value} rows) into {@link Settings}. */
final class SettingsParser {
  static final String FILE_NAME = "parameters.txt";

  // What only the config names; the rules the constructs share come from dms-rules.
  private static final TextRule VPC_ID =
      TextRule.matching(Pattern.compile("vpc-[0-9a-f]{8,17}"), "a VPC id such as vpc-0a1b2c3d");
  private static final TextRule SUBNET_ID =
      TextRule.matching(
          Pattern.compile("subnet-[0-9a-f]{8,17}"), "a subnet id such as subnet-0a1b2c3d");
  private static final TextRule KMS_KEY_ARN =
      TextRule.matching(
          Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+"),
          "a KMS key ARN such as"
              + " arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
  private static final TextRule STACK_PREFIX =
      TextRule.matching(
          Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}"),
          "a letter then up to 39 letters, digits and hyphens");

  /**
   * Every key, in the order {@code config/README.md} documents them, with how its value is read.
   */
  private static final Map<String, BiConsumer<String, ImmutableSettings.Builder>> KEYS =
      new LinkedHashMap<>();

  static {
    KEYS.put("compute", (v, b) -> b.compute(Compute.fromValue(v)));
    KEYS.put(
        "instancesize",
        (v, b) -> b.instanceClass(Values.matching(v, ReplicationInstances.INSTANCE_CLASS)));
    KEYS.put(
        "allocated_storage",
        (v, b) ->
            b.allocatedStorageGiB(
                Values.integer(v, ReplicationInstances.ALLOCATED_STORAGE_GIB, "GiB")));
    KEYS.put(
        "engine_version", (v, b) -> b.engineVersion(Values.matching(v, Values.ENGINE_VERSION)));
    KEYS.put("max_capacity_units", (v, b) -> b.maxCapacityUnits(Values.capacityUnits(v)));
    KEYS.put("min_capacity_units", (v, b) -> b.minCapacityUnits(Values.capacityUnits(v)));
    KEYS.put("multi_az", (v, b) -> b.multiAz(Values.bool(v)));
    KEYS.put("maintenance_window", (v, b) -> b.maintenanceWindow(Values.maintenanceWindow(v)));
    KEYS.put(
        "maxfilesize",
        (v, b) -> b.maxFileSizeKiB(Values.integer(v, S3Targets.MAX_FILE_SIZE_KIB, "KiB")));
    KEYS.put("task_migration_type", (v, b) -> b.migrationType(MigrationType.fromValue(v)));
    KEYS.put("source_engine", (v, b) -> b.sourceEngine(SourceEngine.fromValue(v)));
    KEYS.put("ssl_mode", (v, b) -> b.sslMode(SslMode.fromValue(v)));
    KEYS.put(
        "certificate_arn", (v, b) -> b.certificateArn(Values.matching(v, Values.CERTIFICATE_ARN)));
    KEYS.put("allow_unencrypted_sources", (v, b) -> b.allowUnencryptedSources(Values.bool(v)));
    KEYS.put("source_cidrs", (v, b) -> b.sourceCidrs(Values.list(v, Networks.SOURCE_CIDR)));
    KEYS.put("vpc_cidr", (v, b) -> b.vpcCidr(Values.matching(v, Networks.VPC_CIDR)));
    KEYS.put("vpc_id", (v, b) -> b.vpcId(Values.matching(v, VPC_ID)));
    KEYS.put("subnet_ids", (v, b) -> b.subnetIds(Values.list(v, SUBNET_ID)));
    KEYS.put("alert_email", (v, b) -> b.alertEmails(Values.list(v, Alerts.EMAIL_ADDRESS)));
    KEYS.put("log_retention_days", (v, b) -> b.logRetentionDays(Values.retentionDays(v)));
    KEYS.put("output_format", (v, b) -> b.outputFormat(S3DataFormat.fromValue(v)));
    KEYS.put("compression", (v, b) -> b.compression(S3Compression.fromValue(v)));
    KEYS.put("date_partitioning", (v, b) -> b.datePartitioning(Values.bool(v)));
    KEYS.put("bucket_name", (v, b) -> b.bucketName(Values.matching(v, S3Targets.BUCKET_NAME)));
    KEYS.put(
        "s3_prefix",
        (v, b) -> b.s3Prefix(Values.matching(v.replaceAll("^/+|/+$", ""), S3Targets.FOLDER)));
    KEYS.put("kms_key_arn", (v, b) -> b.kmsKeyArn(Values.matching(v, KMS_KEY_ARN)));
    KEYS.put(
        "glacier_transition_days",
        (v, b) ->
            b.glacierTransitionDays(
                Values.integer(
                    v, S3Targets.GLACIER_TRANSITION_DAYS, "days (0 turns the rule off)")));
    KEYS.put("secrets_kms_key_arn", (v, b) -> b.secretsKmsKeyArn(Values.matching(v, KMS_KEY_ARN)));
    KEYS.put("secret_name_pattern", (v, b) -> b.secretNamePattern(secretPattern(v)));
    KEYS.put("stack_prefix", (v, b) -> b.stackPrefix(Values.matching(v, STACK_PREFIX)));
    KEYS.put("create_account_roles", (v, b) -> b.createAccountRoles(Values.bool(v)));
    KEYS.put("tags", (v, b) -> b.tags(tags(v)));
  }

  /**
   * The settings, with the line of each key the file sets, so that checks across files can point at
   * it.
   */
  record Parsed(Settings settings, Map<String, Integer> lineOfKey) {
    /** The key's line; 0 (the whole file) when the file leaves it to its default. */
    int lineOf(String key) {
      return lineOfKey.getOrDefault(key, 0);
    }

    boolean sets(String key) {
      return lineOfKey.containsKey(key);
    }
  }

  private SettingsParser() {}

  /**
   * Reads the file, keeping the line of each key; the settings hold the defaults for whatever it
   * cannot use, with the problems recorded.
   */
  static Parsed read(ConfigFiles files, Path file, Problems problems) {
    ImmutableSettings.Builder builder = ImmutableSettings.builder();
    CsvFile csv =
        CsvFile.read(
            files,
            file,
            ConfigFiles.PARAMETERS_CAP,
            CsvFile.Format.config(List.of("key", "value"), Set.of()),
            problems);
    if (csv == null) {
      return new Parsed(builder.build(), Map.of());
    }
    Map<String, Integer> seenAt = new HashMap<>();
    Map<String, Integer> lineOfKey = new HashMap<>();
    for (CsvFile.Row row : csv.rows()) {
      String key = row.trimmed("key").toLowerCase(Locale.ROOT);
      String value = row.trimmed("value");
      Integer earlier = seenAt.putIfAbsent(key, row.line());
      if (!KEYS.containsKey(key)) {
        problems.error(
            Problem.at(
                file,
                row.line(),
                "unknown key '" + key + "'; " + Suggestions.didYouMean(key, KEYS.keySet())));
      } else if (earlier != null) {
        problems.error(
            Problem.at(
                file,
                row.line(),
                "key '" + key + "' is already set on line " + earlier + "; keep one of the two"));
      } else if (value.isEmpty()) {
        problems.error(
            Problem.at(
                file, row.line(), "key '" + key + "' has no value; give one or remove the row"));
      } else {
        try {
          KEYS.get(key).accept(value, builder);
          lineOfKey.put(key, row.line());
        } catch (IllegalArgumentException e) {
          problems.error(Problem.at(file, row.line(), "key '" + key + "': " + e.getMessage()));
        }
      }
    }
    Parsed parsed = new Parsed(builder.build(), Map.copyOf(lineOfKey));
    checkCombinations(file, parsed, problems);
    return parsed;
  }

  /** Keys that contradict each other within the file; the loader checks those that span files. */
  private static void checkCombinations(Path file, Parsed parsed, Problems problems) {
    Settings settings = parsed.settings();
    if (settings.vpcId().isPresent() && parsed.sets("vpc_cidr")) {
      problems.error(
          Problem.at(
              file,
              parsed.lineOf("vpc_cidr"),
              "key 'vpc_cidr' sizes a new VPC but 'vpc_id' names an existing one; remove one of the two"));
    }
    if (settings.vpcId().isPresent() && settings.subnetIds().size() < 2) {
      problems.error(
          Problem.at(
              file,
              parsed.lineOf("vpc_id"),
              "key 'vpc_id' needs 'subnet_ids' with at least two subnets in different availability zones"));
    }
    if (settings.bucketName().isPresent() && settings.kmsKeyArn().isEmpty()) {
      problems.error(
          Problem.at(
              file,
              parsed.lineOf("bucket_name"),
              "key 'bucket_name' needs 'kms_key_arn', the KMS key the bucket is encrypted with (DMS writes with SSE-KMS)"));
    }
    if (settings.vpcId().isEmpty() && parsed.sets("subnet_ids")) {
      problems.error(
          Problem.at(
              file,
              parsed.lineOf("subnet_ids"),
              "key 'subnet_ids' needs 'vpc_id', the VPC that holds them"));
    }
  }

  private static String secretPattern(String value) {
    if (!value.contains("{server}") || !value.contains("{dbname}")) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' must contain {server} and {dbname} (and may contain"
              + " {engine}) so that every database gets its own secret");
    }
    return value;
  }

  private static Map<String, String> tags(String value) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String pair : value.split(";", -1)) {
      if (pair.isBlank()) {
        continue; // a trailing ';' adds no tag
      }
      String[] keyValue = pair.split("=", 2);
      if (keyValue.length != 2 || keyValue[0].isBlank()) {
        throw new IllegalArgumentException(
            "'" + pair.strip() + "' is not key=value; write tags as Key1=Value1;Key2=Value2");
      }
      String key = Values.matching(keyValue[0].strip(), ResourceTags.KEY);
      String tagValue = keyValue[1].strip();
      if (!ResourceTags.VALUE.accepts(tagValue)) {
        throw new IllegalArgumentException(
            "tag '"
                + key
                + "' has the value '"
                + tagValue
                + "', which is not "
                + ResourceTags.VALUE.expected());
      }
      tags.put(key, tagValue);
    }
    return tags;
  }
}
