package io.github.dmsfleet.constructs.internal;

import io.github.dmsfleet.rules.SourceEngine;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.services.dms.CfnEndpoint;

/** The engine-specific parts of a source endpoint, as the DMS documentation of each engine asks. */
public final class SourceEndpoints {
  private SourceEndpoints() {}

  /**
   * The endpoint's {@code DatabaseName}: none for the MySQL family, where a database is a schema
   * and DMS would replicate every database of the server into this one; the name otherwise.
   */
  public static @Nullable String databaseName(SourceEngine engine, String databaseName) {
    return switch (engine) {
      case MYSQL, MARIADB, AURORA_MYSQL -> null;
      case SQL_SERVER, POSTGRESQL, AURORA_POSTGRESQL, ORACLE -> databaseName;
    };
  }

  /** Whether a database of the engine is a schema, which the default table mapping selects. */
  public static boolean databaseIsSchema(SourceEngine engine) {
    return databaseName(engine, "") == null;
  }

  /**
   * Puts the secret and the role that reads it into the engine's settings: credentials, host and
   * port come from the secret at connection time, never from the template.
   */
  public static void secret(
      CfnEndpoint.Builder endpoint, SourceEngine engine, String secretId, String roleArn) {
    switch (engine) {
      case SQL_SERVER ->
          endpoint.microsoftSqlServerSettings(
              CfnEndpoint.MicrosoftSqlServerSettingsProperty.builder()
                  .secretsManagerSecretId(secretId)
                  .secretsManagerAccessRoleArn(roleArn)
                  .build());
      case MYSQL, MARIADB, AURORA_MYSQL ->
          endpoint.mySqlSettings(
              CfnEndpoint.MySqlSettingsProperty.builder()
                  .secretsManagerSecretId(secretId)
                  .secretsManagerAccessRoleArn(roleArn)
                  .build());
      case POSTGRESQL, AURORA_POSTGRESQL ->
          endpoint.postgreSqlSettings(
              CfnEndpoint.PostgreSqlSettingsProperty.builder()
                  .secretsManagerSecretId(secretId)
                  .secretsManagerAccessRoleArn(roleArn)
                  .build());
      case ORACLE ->
          endpoint.oracleSettings(
              CfnEndpoint.OracleSettingsProperty.builder()
                  .secretsManagerSecretId(secretId)
                  .secretsManagerAccessRoleArn(roleArn)
                  .build());
    }
  }
}
