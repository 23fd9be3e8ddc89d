package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.Alerts;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.Networks;
import io.github.dmsfleet.rules.Range;
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
import java.util.Arrays;
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
  private static final TextRule ENGINE_VERSION =
      TextRule.matching(
          Pattern.compile("\\d+\\.\\d+(\\.\\d+)?"), "a DMS engine version such as 3.5.4");
  private static final TextRule VPC_ID =
      TextRule.matching(Pattern.compile("vpc-[0-9a-f]{8,17}"), "a VPC id such as vpc-0a1b2c3d");
  private static final TextRule SUBNET_ID =
      TextRule.matching(
          Pattern.compile("subnet-[0-9a-f]{8,17}"), "a subnet id such as subnet-0a1b2c3d");
  private static final TextRule CERTIFICATE_ARN =
      TextRule.matching(
          Pattern.compile("arn:aws[a-z-]*:dms:[a-z0-9-]+:\\d{12}:cert:[A-Za-z0-9-]+"),
          "a DMS certificate ARN such as"
              + " arn:aws:dms:us-east-1:123456789012:cert:ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  private static final TextRule KMS_KEY_ARN =
      TextRule.matching(
          Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+"),
          "a KMS key ARN such as"
              + " arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
  private static final TextRule STACK_PREFIX =
      TextRule.matching(
          Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}"),
          "a letter then up to 39 letters, digits and hyphens");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;\\s]+");

  /**
   * Every key, in the order {@code config/README.md} documents them, with how its value is read.
   */
  private static final Map<String, BiConsumer<String, ImmutableSettings.Builder>> KEYS =
      new LinkedHashMap<>();

  static {
    KEYS.put(
        "instancesize",
        (v, b) -> b.instanceClass(matching(v, ReplicationInstances.INSTANCE_CLASS)));
    KEYS.put(
        "maxfilesize", (v, b) -> b.maxFileSizeKiB(integer(v, S3Targets.MAX_FILE_SIZE_KIB, "KiB")));
    KEYS.put("task_migration_type", (v, b) -> b.migrationType(MigrationType.fromValue(v)));
    KEYS.put(
        "allocated_storage",
        (v, b) ->
            b.allocatedStorageGiB(integer(v, ReplicationInstances.ALLOCATED_STORAGE_GIB, "GiB")));
    KEYS.put("multi_az", (v, b) -> b.multiAz(bool(v)));
    KEYS.put("engine_version", (v, b) -> b.engineVersion(matching(v, ENGINE_VERSION)));
    KEYS.put(
        "maintenance_window",
        (v, b) ->
            b.maintenanceWindow(
                matching(v.toLowerCase(Locale.ROOT), ReplicationInstances.MAINTENANCE_WINDOW)));
    KEYS.put("source_engine", (v, b) -> b.sourceEngine(SourceEngine.fromValue(v)));
    KEYS.put("ssl_mode", (v, b) -> b.sslMode(SslMode.fromValue(v)));
    KEYS.put("certificate_arn", (v, b) -> b.certificateArn(matching(v, CERTIFICATE_ARN)));
    KEYS.put("vpc_cidr", (v, b) -> b.vpcCidr(matching(v, Networks.VPC_CIDR)));
    KEYS.put("vpc_id", (v, b) -> b.vpcId(matching(v, VPC_ID)));
    KEYS.put("subnet_ids", (v, b) -> b.subnetIds(list(v, SUBNET_ID)));
    KEYS.put("alert_email", (v, b) -> b.alertEmails(list(v, Alerts.EMAIL_ADDRESS)));
    KEYS.put("output_format", (v, b) -> b.outputFormat(S3DataFormat.fromValue(v)));
    KEYS.put("compression", (v, b) -> b.compression(S3Compression.fromValue(v)));
    KEYS.put("date_partitioning", (v, b) -> b.datePartitioning(bool(v)));
    KEYS.put("bucket_name", (v, b) -> b.bucketName(matching(v, S3Targets.BUCKET_NAME)));
    KEYS.put(
        "s3_prefix", (v, b) -> b.s3Prefix(matching(v.replaceAll("^/+|/+$", ""), S3Targets.FOLDER)));
    KEYS.put("kms_key_arn", (v, b) -> b.kmsKeyArn(matching(v, KMS_KEY_ARN)));
    KEYS.put(
        "glacier_transition_days",
        (v, b) ->
            b.glacierTransitionDays(
                integer(v, S3Targets.GLACIER_TRANSITION_DAYS, "days (0 turns the rule off)")));
    KEYS.put("secret_name_pattern", (v, b) -> b.secretNamePattern(secretPattern(v)));
    KEYS.put("stack_prefix", (v, b) -> b.stackPrefix(matching(v, STACK_PREFIX)));
    KEYS.put("create_account_roles", (v, b) -> b.createAccountRoles(bool(v)));
    KEYS.put("tags", (v, b) -> b.tags(tags(v)));
  }

  private SettingsParser() {}

  /**
   * Reads the file; returns the defaults for whatever it cannot use, with the problems recorded.
   */
  static Settings parse(Path file, Problems problems) {
    ImmutableSettings.Builder builder = ImmutableSettings.builder();
    CsvFile csv = CsvFile.read(file, List.of("key", "value"), Set.of(), problems);
    if (csv == null) {
      return builder.build();
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
    Settings settings = builder.build();
    checkCombinations(file, settings, lineOfKey, problems);
    return settings;
  }

  private static void checkCombinations(
      Path file, Settings settings, Map<String, Integer> lineOfKey, Problems problems) {
    if (settings.vpcId().isPresent() && lineOfKey.containsKey("vpc_cidr")) {
      problems.error(
          Problem.at(
              file,
              lineOfKey.get("vpc_cidr"),
              "key 'vpc_cidr' sizes a new VPC but 'vpc_id' names an existing one; remove one of the two"));
    }
    if (settings.vpcId().isPresent() && settings.subnetIds().size() < 2) {
      problems.error(
          Problem.at(
              file,
              lineOfKey.get("vpc_id"),
              "key 'vpc_id' needs 'subnet_ids' with at least two subnets in different availability zones"));
    }
    boolean verifies = settings.sslMode().verifiesCertificate();
    if (verifies && settings.certificateArn().isEmpty()) {
      problems.error(
          Problem.at(
              file,
              lineOfKey.get("ssl_mode"),
              "ssl_mode '"
                  + settings.sslMode().value()
                  + "' needs 'certificate_arn', the DMS certificate of the sources' certificate authority"));
    }
    if (!verifies && settings.certificateArn().isPresent()) {
      problems.error(
          Problem.at(
              file,
              lineOfKey.get("certificate_arn"),
              "key 'certificate_arn' applies only to"
                  + " ssl_mode verify-ca or verify-full; set ssl_mode or remove the key"));
    }
    if (settings.bucketName().isPresent() && settings.kmsKeyArn().isEmpty()) {
      problems.error(
          Problem.at(
              file,
              lineOfKey.get("bucket_name"),
              "key 'bucket_name' needs 'kms_key_arn', the KMS key the bucket is encrypted with (DMS writes with SSE-KMS)"));
    }
    if (settings.vpcId().isEmpty() && lineOfKey.containsKey("subnet_ids")) {
      problems.error(
          Problem.at(
              file,
              lineOfKey.get("subnet_ids"),
              "key 'subnet_ids' needs 'vpc_id', the VPC that holds them"));
    }
  }

  private static String matching(String value, TextRule rule) {
    if (!rule.accepts(value)) {
      throw new IllegalArgumentException("'" + value + "' is not " + rule.expected());
    }
    return value;
  }

  private static int integer(String value, Range range, String unit) {
    try {
      int number = Integer.parseInt(value);
      if (range.contains(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    throw new IllegalArgumentException(
        "must be a whole number of "
            + unit
            + " from "
            + range.min()
            + " to "
            + range.max()
            + ", got '"
            + value
            + "'");
  }

  private static boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new IllegalArgumentException("must be true or false, got '" + value + "'");
    };
  }

  /** Items separated by {@code ;} or white space, each following the rule. */
  private static List<String> list(String value, TextRule item) {
    List<String> items =
        Arrays.stream(LIST_SEPARATOR.split(value)).filter(s -> !s.isEmpty()).toList();
    for (String each : items) {
      if (!item.accepts(each)) {
        throw new IllegalArgumentException(
            "'" + each + "' is not " + item.expected() + " (separate several with ;)");
      }
    }
    return items;
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
      String key = matching(keyValue[0].strip(), ResourceTags.KEY);
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
