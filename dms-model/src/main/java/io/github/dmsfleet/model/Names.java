package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.DmsNames;
import io.github.dmsfleet.rules.Secrets;
import io.github.dmsfleet.rules.SourceEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * How config names become DMS identifiers, secret names, S3 prefixes and stack names; the sample's
 * conventions. The stack names are a contract: the CDK app deploys these stacks and {@code dms-ops}
 * finds their change sets by them.
 */
public final class Names {
  private Names() {}

  /** {@code <prefix>-AccountRoles}: the account's DMS roles, when the fleet creates them. */
  public static String accountRolesStack(String stackPrefix) {
    return stackPrefix + "-AccountRoles";
  }

  /** {@code <prefix>-Network}. */
  public static String networkStack(String stackPrefix) {
    return stackPrefix + "-Network";
  }

  /** {@code <prefix>-Storage}, when the fleet creates its bucket. */
  public static String storageStack(String stackPrefix) {
    return stackPrefix + "-Storage";
  }

  /** {@code <prefix>-Alerts}. */
  public static String alertsStack(String stackPrefix) {
    return stackPrefix + "-Alerts";
  }

  /** {@code <prefix>-Overview}: the fleet's overview dashboard. */
  public static String overviewStack(String stackPrefix) {
    return stackPrefix + "-Overview";
  }

  /** {@code <prefix>-Server-<server>}, the server name made legal by {@link Identifiers}. */
  public static String serverStack(String stackPrefix, String server) {
    return stackPrefix + "-Server-" + Identifiers.of(server);
  }

  /**
   * The stacks of the fleet that are no server's, in the order they deploy: the account roles (only
   * when the fleet creates them), the storage (only when it creates its bucket; the network's S3
   * endpoint admits that bucket), the network and the alerts, which every server stack uses, and
   * the overview dashboard, which uses none of them.
   */
  public static List<String> sharedStacks(Settings settings) {
    String prefix = settings.stackPrefix();
    List<String> stacks = new ArrayList<>();
    if (settings.createAccountRoles()) {
      stacks.add(accountRolesStack(prefix));
    }
    if (settings.bucketName().isEmpty()) {
      stacks.add(storageStack(prefix));
    }
    stacks.addAll(List.of(networkStack(prefix), alertsStack(prefix), overviewStack(prefix)));
    return List.copyOf(stacks);
  }

  /**
   * Fills the pattern's placeholders, then replaces characters Secrets Manager does not allow with
   * {@code _}.
   */
  static String secretName(String pattern, String server, String database, SourceEngine engine) {
    String name =
        pattern
            .replace("{server}", server)
            .replace("{dbname}", database)
            .replace("{engine}", engine.secretToken());
    return Secrets.withLegalCharacters(name);
  }

  /**
   * {@code <prefix>/<server>/<dbname>}, with characters that are unsafe in S3 keys replaced by
   * {@code _}.
   */
  static String s3Prefix(String prefix, String server, String database) {
    return DmsNames.databaseFolder(DmsNames.serverFolder(prefix, server), database);
  }
}
