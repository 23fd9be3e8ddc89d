package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.DmsPrincipals;
import io.github.dmsfleet.constructs.internal.Nag;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.constructs.internal.SharedAttributes;
import io.github.dmsfleet.constructs.internal.StackFacts;
import io.github.dmsfleet.constructs.internal.TaskJson;
import io.github.dmsfleet.rules.Networks;
import io.github.dmsfleet.rules.S3DataFormat;
import io.github.dmsfleet.rules.S3Targets;
import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.SslMode;
import io.github.dmsfleet.rules.TextRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.IResolveContext;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.SizeConversionOptions;
import software.amazon.awscdk.SizeRoundingBehavior;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.dms.CfnEndpoint;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.IPeer;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * A source database server: its engine, the bucket folder its databases go to, and the roles DMS
 * reads their secrets and writes their data with. What runs the replications is up to the kind of
 * server: {@link DmsSourceServer} runs them as tasks on a replication instance, {@link
 * DmsServerlessSourceServer} as DMS Serverless replications.
 *
 * <p>The roles are granted from here, so no list of secrets or folders is kept by hand: the S3 role
 * may put, tag and delete objects under the server's folder only (and list only that folder), and
 * each database lets the secrets role read its own secret.
 *
 * <p>Construct ids: {@code SecretsAccessRole} and {@code S3TargetRole} (unless given), one child
 * per database under the id given to {@code addDatabase}.
 */
public abstract class DmsSourceServerBase extends Construct {
  private static final TextRule COLUMN_NAME =
      TextRule.matching(
          Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}"),
          "1 to 128 letters, digits or '_', not starting with a digit");
  private static final SizeConversionOptions EXACT =
      SizeConversionOptions.builder().rounding(SizeRoundingBehavior.NONE).build();

  /**
   * Peers and ports are values: one object for each source network and port, shared by every
   * server, spares the jsii calls that would make them again for each server.
   */
  private static final Map<String, IPeer> PEERS = new ConcurrentHashMap<>();

  private static final Map<Integer, Port> PORTS = new ConcurrentHashMap<>();

  private final String serverName;
  private final SourceEngine engine;
  private final int sourcePort;
  private final List<String> sourceCidrs;
  private final IBucket targetBucket;
  private final IKey targetEncryptionKey;
  private final String bucketFolder;
  private final IRole secretsAccessRole;
  private final IRole s3TargetRole;
  private final DmsSourceServerSettings settings;
  private final List<DmsDatabaseMigrationBase> databases = new ArrayList<>();

  /** What runs the replications, and the source ports it may reach so far. */
  private final List<IConnectable> replications = new ArrayList<>();

  private final Set<Integer> sourcePorts = new TreeSet<>();

  /** Identifiers and folders taken by a database, with the database's id. */
  private final Map<String, String> claimed = new HashMap<>();

  // Each of these crosses the jsii bridge once per server rather than once per database.
  private final String secretsAccessRoleArn;
  private final String secretArnPrefix;
  private final String account;
  private final String bucketName;
  private final String s3TargetRoleArn;
  private final String targetEncryptionKeyArn;
  private final @Nullable Integer maxFileSizeKiB;

  /** The secrets named by the databases, in the order added; empty until the first. */
  private final Set<String> namedSecretArns = new LinkedHashSet<>();

  /**
   * A source server with {@code settings}, in {@code scope}; {@code problemsOfTheKind} are what the
   * subclass found wrong with its own props, reported with the others.
   */
  protected DmsSourceServerBase(
      Construct scope,
      String id,
      DmsSourceServerSettings settings,
      List<String> problemsOfTheKind) {
    super(scope, id);
    Double maxFileSizeKiB =
        settings.getMaxFileSize() == null
            ? null
            : settings.getMaxFileSize().toKibibytes(EXACT).doubleValue();
    validate(
        getClass().getSimpleName() + " '" + id + "'", settings, maxFileSizeKiB, problemsOfTheKind);
    this.settings = settings;
    serverName = Objects.requireNonNullElse(settings.getServerName(), id);
    engine = settings.getEngine();
    sourcePort = Objects.requireNonNullElse(settings.getSourcePort(), engine.defaultPort());
    sourceCidrs = Objects.requireNonNullElse(settings.getSourceCidrs(), List.of("0.0.0.0/0"));
    sourcePorts.add(sourcePort);
    targetBucket = settings.getTargetBucket();
    // Asks the bucket only when the key is not given.
    targetEncryptionKey =
        Objects.requireNonNullElseGet(
            settings.getTargetEncryptionKey(), targetBucket::getEncryptionKey);
    bucketFolder =
        Objects.requireNonNullElse(
            settings.getBucketFolder(), S3Targets.safeFolderName(serverName));

    StackFacts stack = StackFacts.of(scope);
    account = stack.account();
    String region = stack.region();
    // The principal both roles trust, made once per environment.
    IPrincipal dms = DmsPrincipals.dmsOfThisAccount(stack);
    secretsAccessRole =
        settings.getSecretsAccessRole() != null
            ? settings.getSecretsAccessRole()
            : DmsPrincipals.newRole(
                this,
                "SecretsAccessRole",
                "Lets DMS read the credentials of its source endpoints",
                dms);
    s3TargetRole =
        settings.getS3TargetRole() != null
            ? settings.getS3TargetRole()
            : DmsPrincipals.newRole(
                this, "S3TargetRole", "Lets DMS write replicated data to its S3 target", dms);
    secretsAccessRoleArn = secretsAccessRole.getRoleArn();
    // Secrets Manager appends '-' and six random characters to a secret's name in its ARN.
    secretArnPrefix = stack.arnPrefix("secretsmanager") + "secret:";
    if (settings.getSecretsEncryptionKey() != null) {
      allow(
          secretsAccessRole,
          PolicyStatement.Builder.create()
              .actions(List.of("kms:Decrypt"))
              .resources(List.of(SharedAttributes.keyArn(settings.getSecretsEncryptionKey())))
              .conditions(
                  Map.of(
                      "StringEquals",
                      Map.of("kms:ViaService", "secretsmanager." + region + ".amazonaws.com")))
              .build());
    }
    bucketName = SharedAttributes.bucketName(targetBucket);
    s3TargetRoleArn = s3TargetRole.getRoleArn();
    targetEncryptionKeyArn = SharedAttributes.keyArn(targetEncryptionKey);
    grantWriting(region);
    this.maxFileSizeKiB = maxFileSizeKiB == null ? null : maxFileSizeKiB.intValue();
  }

  /** The source server's name, as the naming rule uses it. */
  public String getServerName() {
    return serverName;
  }

  /** The database engine. */
  public SourceEngine getEngine() {
    return engine;
  }

  /** The port the replication reaches the source on, unless a database gives its own. */
  public int getSourcePort() {
    return sourcePort;
  }

  /** The bucket the databases are written to. */
  public IBucket getTargetBucket() {
    return targetBucket;
  }

  /** The key the target endpoints write with. */
  public IKey getTargetEncryptionKey() {
    return targetEncryptionKey;
  }

  /** The folder the databases are written under, each in a folder of its own. */
  public String getBucketFolder() {
    return bucketFolder;
  }

  /** The role DMS reads the databases' secrets with. */
  public IRole getSecretsAccessRole() {
    return secretsAccessRole;
  }

  /** The role DMS writes to the bucket with. */
  public IRole getS3TargetRole() {
    return s3TargetRole;
  }

  /** The server's settings, which its databases take what they do not set from. */
  public DmsSourceServerSettings getSettings() {
    return settings;
  }

  /** The databases added so far, in order. */
  public List<? extends DmsDatabaseMigrationBase> getDatabases() {
    return List.copyOf(databases);
  }

  /**
   * Lets {@code replication} (the security groups that run this server's replications) reach the
   * source on its port and on the ports its databases give, in its networks only when {@code
   * sourceCidrs} are given.
   */
  protected void allowSourceTraffic(IConnectable replication) {
    replications.add(replication);
    sourcePorts.forEach(port -> allowTo(replication, port));
  }

  /** Lets the replication reach a database of this server on its own port too. */
  void allowSourcePort(int port) {
    if (sourcePorts.add(port)) {
      replications.forEach(replication -> allowTo(replication, port));
    }
  }

  private void allowTo(IConnectable replication, int port) {
    for (String cidr : sourceCidrs) {
      replication
          .getConnections()
          .allowTo(
              PEERS.computeIfAbsent(cidr, Peer::ipv4),
              PORTS.computeIfAbsent(port, Port::tcp),
              "DMS reads its source databases");
    }
  }

  /**
   * What a database would take that another of this server has taken already: two databases of one
   * server may not share an identifier or a folder.
   */
  List<String> conflicts(Map<String, String> taken) {
    List<String> problems = new ArrayList<>();
    taken.forEach(
        (what, value) -> {
          String owner = claimed.get(value);
          if (owner != null) {
            problems.add(
                "'"
                    + what
                    + "' "
                    + value
                    + " is taken by database '"
                    + owner
                    + "' of this server already: give one of them another");
          }
        });
    return problems;
  }

  /** Records a database and what it takes. */
  void register(DmsDatabaseMigrationBase database, String id, Map<String, String> taken) {
    taken.values().forEach(value -> claimed.put(value, id));
    databases.add(database);
  }

  /**
   * Lets the secrets role read a database's secret and returns what its endpoint names the secret
   * by.
   */
  String grantSecretRead(@Nullable ISecret secret, @Nullable String secretName) {
    if (secret != null) {
      secret.grantRead(secretsAccessRole);
      return secret.getSecretArn();
    }
    if (namedSecretArns.isEmpty()) {
      // One statement for the server, whose resources the CDK asks for when it writes the
      // template: one call into the CDK per server rather than one per database.
      allow(
          secretsAccessRole,
          PolicyStatement.Builder.create()
              .actions(List.of("secretsmanager:GetSecretValue"))
              .resources(List.of(Token.asString(Lazy.uncachedAny(this::namedSecretResources))))
              .build());
    }
    namedSecretArns.add(secretArnPrefix + secretName + "-??????");
    return secretName;
  }

  /**
   * Adds the statement to the role's policy. A role of this construct takes it with {@link
   * Role#addToPolicy}, which returns a boolean rather than a result whose fields Java would read
   * back: one call into the CDK rather than four.
   */
  private static void allow(IRole role, PolicyStatement statement) {
    if (role instanceof Role made) {
      made.addToPolicy(statement);
    } else {
      role.addToPrincipalPolicy(statement);
    }
  }

  /** As a statement's Resource: one ARN alone, several as a list. */
  private Object namedSecretResources(IResolveContext context) {
    return namedSecretArns.size() == 1
        ? namedSecretArns.iterator().next()
        : List.copyOf(namedSecretArns);
  }

  String secretsAccessRoleArn() {
    return secretsAccessRoleArn;
  }

  /** The S3 target settings of a database written to {@code folder}. */
  CfnEndpoint.S3SettingsProperty s3Settings(String folder) {
    S3DataFormat format = settings.getDataFormat();
    return CfnEndpoint.S3SettingsProperty.builder()
        .bucketName(bucketName)
        .bucketFolder(folder)
        .serviceAccessRoleArn(s3TargetRoleArn)
        // A bucket of that name in another account (a typo, or a name re-registered) gets nothing.
        .expectedBucketOwner(account)
        .dataFormat(format.value())
        .parquetVersion(format == S3DataFormat.PARQUET ? "parquet-2-0" : null)
        .compressionType(settings.getCompression().value())
        // Cannot change from SSE_S3 to SSE_KMS once the endpoint exists: set it from the start.
        .encryptionMode("SSE_KMS")
        .serverSideEncryptionKmsKeyId(targetEncryptionKeyArn)
        .maxFileSize(maxFileSizeKiB)
        .timestampColumnName(settings.getTimestampColumnName())
        .includeOpForFullLoad(settings.getIncludeOpForFullLoad())
        .datePartitionEnabled(settings.getDatePartitionEnabled())
        .build();
  }

  /**
   * One statement per action group for the whole server: put, tag and delete under the server's
   * folder, list only that folder, and use the bucket's key through S3 for objects of this bucket.
   */
  private void grantWriting(String region) {
    String bucketArn = SharedAttributes.bucketArn(targetBucket);
    String objects = bucketFolder + "/*";
    Map<String, Object> bucketOfThisAccount =
        Map.of("StringEquals", Map.of("s3:ResourceAccount", account));
    allow(
        s3TargetRole,
        PolicyStatement.Builder.create()
            .actions(List.of("s3:PutObject", "s3:PutObjectTagging", "s3:DeleteObject"))
            // What arnForObjects would return, without asking the CDK.
            .resources(List.of(bucketArn + "/" + objects))
            .conditions(bucketOfThisAccount)
            .build());
    Map<String, Object> listFolder = new TreeMap<>(bucketOfThisAccount);
    // A prefix ending in '/', so that 'data' does not also list 'data-archive'.
    listFolder.put(
        "StringLike", Map.of("s3:prefix", List.of(bucketFolder + "/", bucketFolder + "/*")));
    allow(
        s3TargetRole,
        PolicyStatement.Builder.create()
            .actions(List.of("s3:ListBucket"))
            .resources(List.of(bucketArn))
            .conditions(listFolder)
            .build());
    Map<String, Object> viaS3ForThisBucket = new TreeMap<>();
    viaS3ForThisBucket.put(
        "StringEquals", Map.of("kms:ViaService", "s3." + region + ".amazonaws.com"));
    // With S3 Bucket Keys the encryption context is the bucket's ARN, without them the object's.
    viaS3ForThisBucket.put(
        "StringLike",
        Map.of("kms:EncryptionContext:aws:s3:arn", List.of(bucketArn, bucketArn + "/" + objects)));
    allow(
        s3TargetRole,
        PolicyStatement.Builder.create()
            .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
            .resources(List.of(targetEncryptionKeyArn))
            .conditions(viaS3ForThisBucket)
            .build());
    Nag.acknowledgeEndingWith(
        s3TargetRole,
        "AwsSolutions-IAM5",
        "DMS names the objects it writes (schema/table/timestamped files), so the role may write any"
            + " object below its server's folder, and nothing outside it.",
        "Resource::",
        List.of("/" + objects));
  }

  private static void validate(
      String subject,
      DmsSourceServerSettings settings,
      @Nullable Double maxFileSizeKiB,
      List<String> problemsOfTheKind) {
    Problems problems = new Problems(subject);
    problemsOfTheKind.forEach(problems::add);
    problems.require("engine", settings.getEngine());
    problems.require("targetBucket", settings.getTargetBucket());
    if (settings.getTargetBucket() != null
        && settings.getTargetEncryptionKey() == null
        && settings.getTargetBucket().getEncryptionKey() == null) {
      problems.add(
          "'targetEncryptionKey' is required: the bucket does not know its KMS key, and DMS writes"
              + " with SSE-KMS");
    }
    problems.check("bucketFolder", settings.getBucketFolder(), S3Targets.FOLDER);
    problems.between("sourcePort", settings.getSourcePort(), Networks.PORT);
    if (settings.getSourceCidrs() != null && settings.getSourceCidrs().isEmpty()) {
      problems.add("'sourceCidrs' must hold at least one CIDR block; leave it out for any address");
    }
    problems.checkEach("sourceCidrs", settings.getSourceCidrs(), Networks.SOURCE_CIDR);
    checkSsl(problems, settings.getSslMode(), settings.getCertificateArn());
    if (settings.getTaskSettings() != null) {
      TaskJson.checkTaskSettings(problems, "taskSettings", settings.getTaskSettings());
    }
    if (maxFileSizeKiB != null) {
      problems.wholeBetween("maxFileSize", maxFileSizeKiB, "KiB", S3Targets.MAX_FILE_SIZE_KIB);
    }
    problems.check("timestampColumnName", settings.getTimestampColumnName(), COLUMN_NAME);
    problems.throwIfAny();
  }

  /** Adds what is wrong with an SSL mode and certificate. */
  static void checkSsl(Problems problems, SslMode sslMode, @Nullable String certificateArn) {
    if (sslMode.verifiesCertificate() && certificateArn == null) {
      problems.add(
          "'certificateArn' is required with 'sslMode' "
              + sslMode.value()
              + ": give the ARN of the DMS certificate of the source's CA, or use 'sslMode' require");
    } else if (!sslMode.verifiesCertificate() && certificateArn != null) {
      problems.add(
          "'certificateArn' applies only to 'sslMode' verify-ca or verify-full, got 'sslMode' "
              + sslMode.value()
              + ": remove 'certificateArn' or change 'sslMode'");
    }
  }
}
