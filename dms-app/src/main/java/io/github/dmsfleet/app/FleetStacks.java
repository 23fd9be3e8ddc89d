package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsAccountRoles;
import io.github.dmsfleet.model.Fleet;
import io.github.dmsfleet.model.Names;
import io.github.dmsfleet.model.Server;
import io.github.dmsfleet.model.Settings;
import io.github.dmsfleet.rules.Compute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * Every stack of a fleet. Shared stacks hold what the whole fleet uses; each source server gets a
 * stack of its own, so that a server's change or failure touches no other server and {@code cdk
 * deploy --concurrency N} deploys servers in parallel. Stack names are a public contract, written
 * once in {@link Names}: {@code <prefix>-AccountRoles} (unless the roles exist), {@code
 * <prefix>-Storage} (unless the bucket exists), {@code <prefix>-Network}, {@code <prefix>-Alerts},
 * {@code <prefix>-Overview} and {@code <prefix>-Server-<server>}, a {@link ServerStack} or, for a
 * server on DMS Serverless, a {@link ServerlessServerStack}.
 */
public final class FleetStacks {
  private final App app;
  private final AccountRolesStack accountRolesStack;
  private final NetworkStack networkStack;
  private final @Nullable StorageStack storageStack;
  private final AlertsStack alertsStack;
  private final OverviewStack overviewStack;
  private final List<ServerStack> serverStacks = new ArrayList<>();

  /** Every server's stack, of either compute, in config order. */
  private final List<Stack> servers = new ArrayList<>();

  private FleetStacks(App app, Fleet fleet, Environment environment) {
    this.app = app;
    Settings settings = fleet.settings();
    String prefix = settings.stackPrefix();
    StackProps props =
        StackProps.builder()
            .env(environment)
            .description("DMS fleet: replicates source databases into an S3 data lake")
            .build();

    DmsAccountRoles accountRoles;
    if (settings.createAccountRoles()) {
      accountRolesStack = new AccountRolesStack(app, Names.accountRolesStack(prefix), props);
      accountRoles = accountRolesStack.getRoles();
    } else {
      accountRolesStack = null;
      accountRoles = null;
    }
    storageStack =
        settings.bucketName().isPresent()
            ? null
            : new StorageStack(app, Names.storageStack(prefix), props, settings);
    networkStack =
        new NetworkStack(
            app,
            Names.networkStack(prefix),
            props,
            settings,
            accountRoles,
            storageStack == null ? null : storageStack.getTargetBucket());
    alertsStack = new AlertsStack(app, Names.alertsStack(prefix), props, settings);
    overviewStack = new OverviewStack(app, Names.overviewStack(prefix), props);

    ServerStack.SharedResources shared =
        new ServerStack.SharedResources(
            settings,
            accountRoles,
            networkStack.getNetwork(),
            networkStack.getTargetBucket(),
            alertsStack.getAlerts());
    for (Server server : fleet.servers()) {
      String id = Names.serverStack(prefix, server.name());
      // The same name for either compute: switching replaces the replications, not the stack.
      if (server.compute() == Compute.SERVERLESS) {
        servers.add(new ServerlessServerStack(app, id, props, server, shared));
      } else {
        ServerStack stack = new ServerStack(app, id, props, server, shared);
        serverStacks.add(stack);
        servers.add(stack);
      }
    }
    settings.tags().forEach((key, value) -> Tags.of(app).add(key, value));
  }

  /**
   * Adds the fleet's stacks to the app; {@code environment} may be null for environment-agnostic
   * stacks.
   */
  public static FleetStacks create(App app, Fleet fleet, Environment environment) {
    return new FleetStacks(app, fleet, environment);
  }

  /**
   * The account and Region of the standard CDK variables; null (environment-agnostic) when neither
   * is set.
   */
  static Environment environmentFrom(Map<String, String> variables) {
    String account = variables.get("CDK_DEFAULT_ACCOUNT");
    String region = variables.get("CDK_DEFAULT_REGION");
    if (account == null && region == null) {
      return null;
    }
    return Environment.builder().account(account).region(region).build();
  }

  /** The app the stacks are in. */
  public App getApp() {
    return app;
  }

  /** Every stack, shared ones first. */
  public List<Stack> getStacks() {
    List<Stack> stacks = new ArrayList<>();
    if (accountRolesStack != null) {
      stacks.add(accountRolesStack);
    }
    if (storageStack != null) {
      stacks.add(storageStack);
    }
    stacks.addAll(List.of(networkStack, alertsStack, overviewStack));
    stacks.addAll(servers);
    return stacks;
  }

  /** The stacks of servers on replication instances. */
  public List<ServerStack> getServerStacks() {
    return List.copyOf(serverStacks);
  }
}
