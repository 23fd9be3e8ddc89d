package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.Nag;
import java.util.List;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The account-level roles DMS itself needs, under the fixed names it looks for: {@code
 * dms-vpc-role} (to manage the network interfaces of replication instances) and {@code
 * dms-cloudwatch-logs-role} (to write task logs).
 *
 * <p>Create them once per account, or reference them with {@link #fromExisting}. Anything that
 * needs them at deploy time (subnet groups, replication instances) should depend on this construct,
 * which {@link DmsNetwork} and {@link DmsReplicationServer} do when given it; {@code
 * node.addDependency(accountRoles)} works across stacks too. When the roles are only referenced,
 * the dependency is empty.
 */
public class DmsAccountRoles extends Construct {
  /** The name DMS requires for the role that manages its network interfaces. */
  public static final String VPC_ROLE_NAME = "dms-vpc-role";

  /** The name DMS requires for the role that writes task logs to CloudWatch Logs. */
  public static final String CLOUDWATCH_LOGS_ROLE_NAME = "dms-cloudwatch-logs-role";

  private final IRole vpcRole;
  private final IRole cloudWatchLogsRole;

  public DmsAccountRoles(Construct scope, String id) {
    this(scope, id, DmsAccountRolesProps.builder().build());
  }

  public DmsAccountRoles(Construct scope, String id, DmsAccountRolesProps props) {
    super(scope, id);
    if (props.isUseExisting()) {
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

  /** References roles that already exist in the account; creates nothing. */
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
