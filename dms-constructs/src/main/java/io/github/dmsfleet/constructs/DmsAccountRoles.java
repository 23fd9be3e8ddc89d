package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Nag;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The account-level roles DMS itself needs, under the fixed names it looks for: {@code
 * dms-vpc-role} (to manage the network interfaces of replication instances) and {@code
 * dms-cloudwatch-logs-role} (to write task logs).
 *
 * <p>An account has one pair, so an app has one {@code DmsAccountRoles}: a second one fails. Create
 * them, or reference roles that exist already with {@link #fromExisting}: if {@code aws iam
 * get-role --role-name dms-vpc-role} finds the role (the DMS console creates both the first time it
 * is used), they exist. Anything that needs them at deploy time (subnet groups, replication
 * instances) should depend on this construct, which {@link DmsNetwork} and {@link
 * DmsReplicationServer} do when given it; {@code node.addDependency(accountRoles)} works across
 * stacks too. When the roles are only referenced, the dependency is empty.
 *
 * <p>Construct ids: {@code VpcRole}, {@code CloudWatchLogsRole}.
 */
public class DmsAccountRoles extends Construct {
  /** The name DMS requires for the role that manages its network interfaces. */
  public static final String VPC_ROLE_NAME = "dms-vpc-role";

  /** The name DMS requires for the role that writes task logs to CloudWatch Logs. */
  public static final String CLOUDWATCH_LOGS_ROLE_NAME = "dms-cloudwatch-logs-role";

  /** The path of the account roles of each app, by the app's root construct. */
  private static final Map<IConstruct, String> PER_APP = new WeakHashMap<>();

  private final IRole vpcRole;
  private final IRole cloudWatchLogsRole;

  /** Creates both roles. */
  public DmsAccountRoles(Construct scope, String id) {
    this(scope, id, DmsAccountRolesProps.builder().build());
  }

  /** Creates both roles, or references existing ones as {@code props} say. */
  public DmsAccountRoles(Construct scope, String id, DmsAccountRolesProps props) {
    super(scope, id);
    claimTheApp();
    if (props.getUseExisting()) {
      vpcRole = Role.fromRoleName(this, "VpcRole", VPC_ROLE_NAME);
      cloudWatchLogsRole = Role.fromRoleName(this, "CloudWatchLogsRole", CLOUDWATCH_LOGS_ROLE_NAME);
    } else {
      vpcRole = createRole("VpcRole", VPC_ROLE_NAME, "AmazonDMSVPCManagementRole");
      cloudWatchLogsRole =
          createRole(
              "CloudWatchLogsRole", CLOUDWATCH_LOGS_ROLE_NAME, "AmazonDMSCloudWatchLogsRole");
      Nag.acknowledge(
          this,
          "AwsSolutions-IAM4",
          "DMS requires these account roles to carry exactly these AWS managed service-role policies.",
          List.of(
              managedPolicyFinding("AmazonDMSVPCManagementRole"),
              managedPolicyFinding("AmazonDMSCloudWatchLogsRole")));
    }
  }

  /** References the roles that already exist in the account; creates nothing. */
  public static DmsAccountRoles fromExisting(Construct scope, String id) {
    return new DmsAccountRoles(scope, id, DmsAccountRolesProps.builder().useExisting(true).build());
  }

  /** The role {@code dms-vpc-role}. */
  public IRole getVpcRole() {
    return vpcRole;
  }

  /** The role {@code dms-cloudwatch-logs-role}. */
  public IRole getCloudWatchLogsRole() {
    return cloudWatchLogsRole;
  }

  private void claimTheApp() {
    IConstruct app = getNode().getRoot();
    String path = getNode().getPath();
    String existing;
    synchronized (PER_APP) {
      existing = PER_APP.putIfAbsent(app, path);
    }
    if (existing != null) {
      throw new IllegalArgumentException(
          "Invalid DmsAccountRoles '"
              + path
              + "': the app already has DmsAccountRoles at '"
              + existing
              + "', and an account has one dms-vpc-role and one dms-cloudwatch-logs-role: hand that"
              + " one to every construct that needs it");
    }
  }

  private Role createRole(String id, String roleName, String managedPolicy) {
    return Role.Builder.create(this, id)
        .roleName(roleName)
        .description("Account role that AWS DMS requires under this exact name")
        .assumedBy(new ServicePrincipal("dms.amazonaws.com"))
        .managedPolicies(
            List.of(ManagedPolicy.fromAwsManagedPolicyName("service-role/" + managedPolicy)))
        .build();
  }

  private static String managedPolicyFinding(String managedPolicy) {
    return "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/" + managedPolicy;
  }
}
