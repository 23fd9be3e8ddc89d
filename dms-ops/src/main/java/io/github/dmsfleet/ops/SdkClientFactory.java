package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.Console;
import io.github.dmsfleet.ops.internal.Nearest;
import io.github.dmsfleet.ops.internal.aws.Errors;
import io.github.dmsfleet.ops.internal.aws.Pacer;
import io.github.dmsfleet.ops.internal.aws.Retries;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Real SDK clients: Region, profile and endpoint from the options (else the SDK's usual environment
 * variables and files), checked before any call; an explicit retry mode that also retries {@code
 * KMSThrottlingFault} and reports each retry with {@code -v}; DMS calls paced under {@code
 * --api-rate}.
 */
public final class SdkClientFactory implements ClientFactory {
  /** Enough connections for the widest {@code --concurrency} plus the status poller. */
  private static final int MAX_CONNECTIONS = 128;

  private final AwsCredentialsProvider credentials;

  private SdkClientFactory(AwsCredentialsProvider credentials) {
    this.credentials = credentials;
  }

  /** Credentials from {@code --profile}, else the default chain. */
  public static SdkClientFactory create() {
    return new SdkClientFactory(null);
  }

  /** Always these credentials, such as dummy ones for a local emulator. */
  public static SdkClientFactory withCredentials(AwsCredentialsProvider credentials) {
    return new SdkClientFactory(credentials);
  }

  @Override
  public DatabaseMigrationClient dms(GlobalOptions options, Console console) {
    return configure(
            DatabaseMigrationClient.builder(), options, new Pacer(options.apiRate()), console)
        .build();
  }

  /**
   * Refuses, before any call, an endpoint that would carry the passwords it sends over plain HTTP
   * to another machine, wherever the SDK found it (an option, a variable, the config file).
   */
  @Override
  public SecretsManagerClient secretsManager(GlobalOptions options, Console console) {
    SecretsManagerClient client =
        configure(SecretsManagerClient.builder(), options, null, console).build();
    try {
      SecretValuesEndpoint.check(client.serviceClientConfiguration().endpointOverride(), options);
    } catch (InvalidInputException e) {
      client.close();
      throw e;
    }
    return client;
  }

  /** Not paced: CloudFormation's quotas are its own, and dms-ops makes few calls to it. */
  @Override
  public CloudFormationClient cloudFormation(GlobalOptions options, Console console) {
    return configure(CloudFormationClient.builder(), options, null, console).build();
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, GlobalOptions options, Pacer pacer, Console console) {
    Retries.Listener retries =
        (failure, delay) ->
            console.debug("retrying in " + millis(delay) + " after " + Errors.describe(failure));
    builder
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(Retries.strategy(options.retryMode(), pacer, retries))
                .build())
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(MAX_CONNECTIONS))
        .region(region(options))
        .credentialsProvider(credentials(options));
    if (options.endpointUrl() != null) {
      builder.endpointOverride(endpoint(options.endpointUrl()));
    }
    return builder;
  }

  private AwsCredentialsProvider credentials(GlobalOptions options) {
    if (credentials != null) {
      return credentials;
    }
    return options.profile() != null
        ? ProfileCredentialsProvider.create(options.profile())
        : DefaultCredentialsProvider.builder().build();
  }

  /**
   * The Region asked for, which must be one the SDK knows: a typo fails here, not as a DNS error.
   */
  static Region region(GlobalOptions options) {
    if (options.region() != null) {
      Region region = Region.of(options.region().trim().toLowerCase(Locale.ROOT));
      if (!Region.regions().contains(region)) {
        throw new InvalidInputException(
            "--region '"
                + options.region()
                + "' is not an AWS Region; nearest: "
                + String.join(
                    ", ",
                    Nearest.to(
                        options.region(), Region.regions().stream().map(Region::id).toList(), 3)));
      }
      return region;
    }
    try {
      return DefaultAwsRegionProviderChain.builder()
          .profileName(options.profile())
          .build()
          .getRegion();
    } catch (SdkClientException e) {
      throw new InvalidInputException("no AWS Region is set; pass --region or set AWS_REGION");
    }
  }

  static URI endpoint(String text) {
    URI uri;
    try {
      uri = URI.create(text.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--endpoint-url '" + text + "' is not a URL");
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new InvalidInputException(
          "--endpoint-url '"
              + text
              + "' needs http:// or https:// and a host, such as http://localhost:4566");
    }
    return uri;
  }

  private static String millis(Duration delay) {
    return delay.toMillis() >= 1000
        ? String.format(Locale.ROOT, "%.1f s", delay.toMillis() / 1000.0)
        : delay.toMillis() + " ms";
  }
}
