package io.github.dmsfleet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.rules.Compute;
import io.github.dmsfleet.rules.Defaults;
import io.github.dmsfleet.rules.MigrationType;
import io.github.dmsfleet.rules.Networks;
import io.github.dmsfleet.rules.Range;
import io.github.dmsfleet.rules.ReplicationInstances;
import io.github.dmsfleet.rules.S3Compression;
import io.github.dmsfleet.rules.S3DataFormat;
import io.github.dmsfleet.rules.S3Targets;
import io.github.dmsfleet.rules.Serverless;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.SslMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Config folders at the edges of what the model accepts: every key of {@code parameters.txt} with
 * values on both sides of the bounds of its rule, fleets on instances or on DMS Serverless, servers
 * and databases with names in any script and punctuation and of any length, engines in every
 * spelling, and table mappings with every kind of rule. Many are valid; the rest probe where the
 * model draws its lines.
 */
final class GeneratedConfigs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME_CHARACTERS = "abcxyzABCXYZ0189_.-()+@#& éßЖ";
  private static final String SAFE_FOLDER_CHARACTERS = "abzAZ09!_.'()-";
  private static final String TAG_CHARACTERS = "abzAZ09 _.:/+-@é#";
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final String SERVERLESS = Compute.SERVERLESS.value();
  private static final List<String> INSTANCE_ONLY_KEYS =
      List.of("instancesize", "allocated_storage", "engine_version");

  /** One row of {@code dms_config_details.txt}; a null engine or port leaves the column blank. */
  record Row(String server, String database, String engine, String port) {}

  /**
   * A config folder's content, written by {@link #writeTo}. A row whose engine does not take the
   * fleet's SSL mode runs unencrypted, with the consent that needs, as a fleet of mixed engines
   * must.
   */
  record Config(Map<String, String> parameters, List<Row> rows, List<String> mappings) {
    Path writeTo(Path dir) throws IOException {
      Path mappingsDir = Files.createDirectories(dir.resolve(ConfigLoader.MAPPINGS_FOLDER));
      StringBuilder details = new StringBuilder("server,dbname,engine,ssl_mode,port\n");
      boolean unencrypted = fleetSslMode() == SslMode.NONE;
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        String engine = row.engine() == null ? "" : row.engine();
        boolean takesFleetMode = engineOf(row).sslModes().contains(fleetSslMode());
        unencrypted |= !takesFleetMode;
        details.append(row.server()).append(',').append(row.database()).append(',').append(engine);
        details.append(',').append(takesFleetMode ? "" : SslMode.NONE.value());
        details.append(',').append(row.port() == null ? "" : row.port()).append('\n');
        Files.writeString(
            mappingsDir.resolve("dms_" + row.server() + "_" + row.database() + "_mappings.json"),
            mappings.get(i));
      }
      Files.writeString(dir.resolve(ConfigLoader.DATABASES_FILE), details);
      StringBuilder parametersFile = new StringBuilder("key,value\n");
      parameters.forEach(
          (key, value) -> parametersFile.append(key).append(',').append(value).append('\n'));
      if (unencrypted) {
        parametersFile.append("allow_unencrypted_sources,true\n");
      }
      Files.writeString(dir.resolve("parameters.txt"), parametersFile);
      return dir;
    }

    /** Whether the fleet runs on DMS Serverless. */
    boolean serverless() {
      return SERVERLESS.equalsIgnoreCase(parameters.get("compute"));
    }

    private SslMode fleetSslMode() {
      String mode = parameters.get("ssl_mode");
      return mode == null ? Defaults.SSL_MODE : SslMode.fromValue(mode);
    }

    private SourceEngine engineOf(Row row) {
      String engine = row.engine() == null ? parameters.get("source_engine") : row.engine();
      return engine == null ? SourceEngine.SQL_SERVER : SourceEngine.fromValue(engine);
    }
  }

  private GeneratedConfigs() {}

  static Arbitrary<Config> configs() {
    return Combinators.combine(parameters(), rows())
        .flatAs(
            (parameters, rows) ->
                mapping()
                    .list()
                    .ofSize(rows.size())
                    .map(mappings -> new Config(parameters, rows, mappings)));
  }

  private static Arbitrary<Map<String, String>> parameters() {
    List<Arbitrary<Map<String, String>>> keys =
        List.of(
            optional("instancesize", instanceClasses()),
            optional("maxfilesize", around(S3Targets.MAX_FILE_SIZE_KIB)),
            optional(
                "task_migration_type", spellings(MigrationType.values(), MigrationType::value)),
            optional("allocated_storage", around(ReplicationInstances.ALLOCATED_STORAGE_GIB)),
            optional("multi_az", booleans()),
            optional("engine_version", engineVersions()),
            optional("maintenance_window", maintenanceWindows()),
            optional("source_engine", engines()),
            ssl(),
            network(),
            optional(
                "alert_email",
                emails().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("; ", l))),
            optional("output_format", spellings(S3DataFormat.values(), S3DataFormat::value)),
            optional("compression", spellings(S3Compression.values(), S3Compression::value)),
            optional("date_partitioning", booleans()),
            storage(),
            optional("s3_prefix", s3Prefixes()),
            optional("glacier_transition_days", around(S3Targets.GLACIER_TRANSITION_DAYS)),
            optional("secret_name_pattern", secretNamePatterns()),
            optional("stack_prefix", stackPrefixes()),
            optional("create_account_roles", booleans()),
            optional("tags", tags()),
            compute());
    return Combinators.combine(keys)
        .as(
            maps -> {
              Map<String, String> merged = new LinkedHashMap<>();
              maps.forEach(merged::putAll);
              if (SERVERLESS.equalsIgnoreCase(merged.get("compute"))) {
                // The model refuses instance-only keys on a serverless fleet; its tests cover that.
                INSTANCE_ONLY_KEYS.forEach(merged::remove);
              }
              return merged;
            });
  }

  /**
   * Instances (no key, or the key), or DMS Serverless with capacities DMS takes (the least no more
   * than the most, or equal to it) and now and then one it does not.
   */
  private static Arbitrary<Map<String, String>> compute() {
    Arbitrary<Integer> capacities =
        Arbitraries.frequencyOf(
            tuple(9, Arbitraries.of(Serverless.CAPACITY_UNITS)),
            tuple(1, Arbitraries.of(0, 3, 24, 385)));
    Arbitrary<Map<String, String>> serverless =
        Combinators.combine(
                spellings(new String[] {SERVERLESS}, Function.identity()),
                capacities.injectNull(0.3),
                capacities.injectNull(0.5))
            .as(
                (compute, first, second) -> {
                  Map<String, String> keys = new LinkedHashMap<>(Map.of("compute", compute));
                  if (first != null) {
                    keys.put(
                        "max_capacity_units",
                        String.valueOf(second == null ? first : Math.max(first, second)));
                  }
                  if (second != null) {
                    keys.put(
                        "min_capacity_units",
                        String.valueOf(first == null ? second : Math.min(first, second)));
                  }
                  return keys;
                });
    return Arbitraries.frequencyOf(
        tuple(1, optional("compute", Arbitraries.of(Compute.INSTANCE.value()))),
        tuple(1, serverless));
  }

  /** One to three servers of one to three databases each, rows interleaved by server. */
  private static Arbitrary<List<Row>> rows() {
    Arbitrary<String> engineColumn = engines().injectNull(0.5);
    Arbitrary<String> portColumn = around(Networks.PORT).injectNull(0.7);
    Arbitrary<List<String>> databases = names().list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    return names()
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .uniqueElements()
        .flatMap(
            servers ->
                databases
                    .list()
                    .ofSize(servers.size())
                    .flatMap(
                        databasesPerServer ->
                            Combinators.combine(
                                    engineColumn.list().ofSize(9), portColumn.list().ofSize(9))
                                .as(
                                    (engines, ports) ->
                                        interleave(servers, databasesPerServer, engines, ports))));
  }

  private static List<Row> interleave(
      List<String> servers,
      List<List<String>> databasesPerServer,
      List<String> engines,
      List<String> ports) {
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      for (int s = 0; s < servers.size(); s++) {
        List<String> databases = databasesPerServer.get(s);
        if (d < databases.size()) {
          int i = rows.size();
          rows.add(new Row(servers.get(s), databases.get(d), engines.get(i), ports.get(i)));
        }
      }
    }
    return rows;
  }

  /** Names as people write them; now and then long enough to pass DMS's identifier limits. */
  private static Arbitrary<String> names() {
    return Arbitraries.frequencyOf(
            tuple(
                9, Arbitraries.strings().withChars(NAME_CHARACTERS).ofMinLength(1).ofMaxLength(20)),
            tuple(
                1,
                Arbitraries.strings().withChars(NAME_CHARACTERS).ofMinLength(40).ofMaxLength(70)))
        .map(String::strip)
        .filter(name -> !name.isEmpty());
  }

  /** A table mapping with a selection that includes tables and any other kind of rule. */
  private static Arbitrary<String> mapping() {
    Arbitrary<String> objectNames =
        Arbitraries.strings().withChars("abzAZ09_%$").ofMinLength(1).ofMaxLength(12);
    Arbitrary<Boolean> flags = Arbitraries.of(true, false);
    return Combinators.combine(objectNames, objectNames, flags, flags, flags)
        .as(
            (schema, table, explicit, exclude, lowerCase) -> {
              ObjectNode mapping = JSON.createObjectNode();
              ArrayNode rules = mapping.putArray("rules");
              if (explicit) {
                // An explicit selection names its objects exactly.
                locate(
                    rule(rules, "selection", "explicit"),
                    schema.replace('%', 's'),
                    table.replace('%', 't'));
              } else {
                locate(rule(rules, "selection", "include"), schema, table);
              }
              if (exclude) {
                locate(rule(rules, "selection", "exclude"), schema, "audit%");
              }
              if (lowerCase) {
                ObjectNode transformation = rule(rules, "transformation", "convert-lowercase");
                transformation.put("rule-target", "table");
                locate(transformation, schema, table);
                locate(rule(rules, "table-settings", null), schema, table)
                    .putObject("parallel-load")
                    .put("type", "partitions-auto");
              }
              return mapping.toPrettyString();
            });
  }

  private static ObjectNode rule(ArrayNode rules, String type, String action) {
    String id = String.valueOf(rules.size() + 1);
    ObjectNode rule = rules.addObject().put("rule-type", type).put("rule-id", id);
    rule.put("rule-name", type + "-" + id);
    if (action != null) {
      rule.put("rule-action", action);
    }
    return rule;
  }

  private static ObjectNode locate(ObjectNode rule, String schema, String table) {
    rule.putObject("object-locator").put("schema-name", schema).put("table-name", table);
    return rule;
  }

  private static Arbitrary<Map<String, String>> ssl() {
    Arbitrary<String> certificates =
        arns("arn:aws:dms:eu-west-1:123456789012:cert:", "ABCXYZ0189-", 26);
    return Arbitraries.of(SslMode.values())
        .flatMap(
            mode ->
                mode.verifiesCertificate()
                    ? certificates.map(
                        arn -> Map.of("ssl_mode", mode.value(), "certificate_arn", arn))
                    : Arbitraries.of(Map.of("ssl_mode", mode.value()), Map.<String, String>of()));
  }

  /** No network keys, a CIDR for a new VPC, or an existing VPC with its subnets. */
  private static Arbitrary<Map<String, String>> network() {
    Arbitrary<Integer> octets = Arbitraries.integers().between(0, 256);
    Arbitrary<String> cidrs =
        Combinators.combine(octets, octets, octets, octets, Arbitraries.integers().between(15, 25))
            .as((a, b, c, d, prefix) -> a + "." + b + "." + c + "." + d + "/" + prefix);
    Arbitrary<String> hex =
        Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(8).ofMaxLength(17);
    Arbitrary<Map<String, String>> existing =
        Combinators.combine(
                hex,
                hex.list().ofMinSize(2).ofMaxSize(3).uniqueElements(),
                Arbitraries.of(";", " ", "; "))
            .as(
                (vpc, subnets, separator) ->
                    Map.of(
                        "vpc_id",
                        "vpc-" + vpc,
                        "subnet_ids",
                        subnets.stream()
                            .map(s -> "subnet-" + s)
                            .collect(Collectors.joining(separator))));
    return Arbitraries.oneOf(
        Arbitraries.just(Map.of()), cidrs.map(cidr -> Map.of("vpc_cidr", cidr)), existing);
  }

  /** No storage keys, an existing key, or an existing bucket with its key. */
  private static Arbitrary<Map<String, String>> storage() {
    Arbitrary<String> keys =
        arns("arn:aws:kms:eu-west-1:123456789012:key/", "0123456789abcdef-", 36);
    Arbitrary<String> buckets =
        Combinators.combine(
                Arbitraries.strings().withChars("a0").ofLength(1),
                Arbitraries.strings().withChars("az09.-").ofMinLength(1).ofMaxLength(62),
                Arbitraries.strings().withChars("z9-A").ofLength(1))
            .as((first, middle, last) -> first + middle + last);
    return Arbitraries.oneOf(
        Arbitraries.just(Map.of()),
        keys.map(key -> Map.of("kms_key_arn", key)),
        Combinators.combine(buckets, keys)
            .as((bucket, key) -> Map.of("bucket_name", bucket, "kms_key_arn", key)));
  }

  private static Arbitrary<String> arns(String prefix, String idCharacters, int maxIdLength) {
    return Arbitraries.strings()
        .withChars(idCharacters)
        .ofMinLength(1)
        .ofMaxLength(maxIdLength)
        .map(id -> prefix + id);
  }

  private static Arbitrary<String> instanceClasses() {
    Arbitrary<String> parts =
        Arbitraries.strings().withChars("abcrt0123456789").ofMinLength(1).ofMaxLength(8);
    return Combinators.combine(Arbitraries.of("dms.", "dms.", "dms.", "DMS.", ""), parts, parts)
        .as((prefix, family, size) -> prefix + family + "." + size);
  }

  private static Arbitrary<String> engineVersions() {
    Arbitrary<Integer> numbers = Arbitraries.integers().between(0, 99);
    return Combinators.combine(numbers, numbers, numbers.injectNull(0.5))
        .as((major, minor, patch) -> major + "." + minor + (patch == null ? "" : "." + patch));
  }

  /** Windows at every hour and minute a day has and one past, with days in any case. */
  private static Arbitrary<String> maintenanceWindows() {
    Arbitrary<String> days =
        Arbitraries.of(DAYS).flatMap(d -> Arbitraries.of(d, d.toUpperCase(Locale.ROOT)));
    Arbitrary<String> times =
        Combinators.combine(
                Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 60))
            .as((hour, minute) -> "%02d:%02d".formatted(hour, minute));
    return Combinators.combine(days, times, days, times)
        .as((d1, t1, d2, t2) -> d1 + ":" + t1 + "-" + d2 + ":" + t2);
  }

  /** Every engine, by its DMS name or an alias, in any case. */
  private static Arbitrary<String> engines() {
    List<String> spellings =
        new ArrayList<>(List.of("mssql", "sql_server", "postgresql", "aurora-mysql"));
    Arrays.stream(SourceEngine.values()).map(SourceEngine::engineName).forEach(spellings::add);
    return Arbitraries.of(spellings).flatMap(s -> Arbitraries.of(s, s.toUpperCase(Locale.ROOT)));
  }

  private static Arbitrary<String> emails() {
    Arbitrary<String> parts =
        Arbitraries.strings().withChars("abz09.+_-").ofMinLength(1).ofMaxLength(10);
    return Combinators.combine(
            parts, Arbitraries.of("@", "@", "@", "-at-"), parts, Arbitraries.of("com", "co.uk"))
        .as((local, at, domain, top) -> local + at + domain + "." + top);
  }

  /**
   * Folders of S3's safe characters, sometimes with the slashes at either end that the model drops,
   * an empty part or a wildcard.
   */
  private static Arbitrary<String> s3Prefixes() {
    return Arbitraries.strings()
        .withChars(SAFE_FOLDER_CHARACTERS + "*")
        .ofMaxLength(10)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .flatMap(
            parts -> Arbitraries.of("", "/").map(slash -> slash + String.join("/", parts) + slash))
        .filter(prefix -> !prefix.isEmpty());
  }

  /**
   * Patterns with both placeholders, the engine's now and then, and characters secrets do not
   * allow.
   */
  private static Arbitrary<String> secretNamePatterns() {
    Arbitrary<String> text = Arbitraries.strings().withChars("ab/_+=.@- !#").ofMaxLength(6);
    return Combinators.combine(text, text, text, Arbitraries.of("", "{engine}"))
        .as(
            (start, middle, end, engine) ->
                start + "{server}" + middle + "{dbname}" + engine + end);
  }

  private static Arbitrary<String> stackPrefixes() {
    return Combinators.combine(
            Arbitraries.strings().withChars("aZ").ofLength(1),
            Arbitraries.strings().withChars("azAZ09-").ofMaxLength(39))
        .as(String::concat);
  }

  private static Arbitrary<String> tags() {
    Arbitrary<String> keys =
        Arbitraries.strings()
            .withChars(TAG_CHARACTERS)
            .ofMinLength(1)
            .ofMaxLength(128)
            .filter(k -> !k.isBlank() && !k.strip().toLowerCase(Locale.ROOT).startsWith("aws:"));
    Arbitrary<String> values = Arbitraries.strings().withChars(TAG_CHARACTERS).ofMaxLength(256);
    return Combinators.combine(keys, values)
        .as((k, v) -> k + "=" + v)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(pairs -> String.join(";", pairs));
  }

  /** Whole numbers in the range, with its bounds and the numbers just outside them. */
  private static Arbitrary<String> around(Range range) {
    return Arbitraries.frequencyOf(
            tuple(3, Arbitraries.integers().between(range.min(), range.max())),
            tuple(2, Arbitraries.of(range.min() - 1, range.min(), range.max(), range.max() + 1)))
        .map(String::valueOf);
  }

  private static Arbitrary<String> booleans() {
    return Arbitraries.of("true", "false", "yes", "no", "TRUE");
  }

  /** The DMS spellings of an enum's constants, in lower or upper case. */
  private static <E> Arbitrary<String> spellings(E[] constants, Function<E, String> spelling) {
    return Arbitraries.of(constants)
        .map(spelling)
        .flatMap(s -> Arbitraries.of(s, s.toUpperCase(Locale.ROOT)));
  }

  /** The key with a value, or no key at all. */
  private static Arbitrary<Map<String, String>> optional(String key, Arbitrary<String> values) {
    return Arbitraries.oneOf(Arbitraries.just(Map.of()), values.map(value -> Map.of(key, value)));
  }

  private static <T> Tuple2<Integer, Arbitrary<? extends T>> tuple(
      int frequency, Arbitrary<? extends T> arbitrary) {
    return Tuple.of(frequency, arbitrary);
  }
}
