package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.internal.aws.ApiRateLimiter;
import io.github.dmsfleet.ops.internal.aws.Retries;
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
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Real SDK clients: Region, profile and endpoint from the options (else the SDK's usual environment
 * variables and files), an explicit retry mode that also retries {@code KMSThrottlingFault}, and
 * DMS calls paced under the account's API rate limit.
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
  public DatabaseMigrationClient dms(GlobalOptions options) {
    return configure(DatabaseMigrationClient.builder(), options, ApiRateLimiter.forDms()).build();
  }

  @Override
  public SecretsManagerClient secretsManager(GlobalOptions options) {
    return configure(SecretsManagerClient.builder(), options, null).build();
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, GlobalOptions options, ApiRateLimiter limiter) {
    ClientOverrideConfiguration.Builder override =
        ClientOverrideConfiguration.builder().retryStrategy(Retries.strategy(options.retryMode()));
    if (limiter != null) {
      override.addExecutionInterceptor(limiter);
    }
    builder
        .overrideConfiguration(override.build())
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(MAX_CONNECTIONS))
        .region(region(options))
        .credentialsProvider(credentials(options));
    if (options.endpointUrl() != null) {
      builder.endpointOverride(options.endpointUrl());
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

  private static Region region(GlobalOptions options) {
    if (options.region() != null) {
      return Region.of(options.region());
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
}
