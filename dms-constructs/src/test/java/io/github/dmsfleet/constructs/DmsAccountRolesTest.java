package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.Vpc;

class DmsAccountRolesTest {

  private static Map<String, Object> managedPolicy(String name) {
    return Map.of(
        "Fn::Join",
        List.of(
            "",
            List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":iam::aws:policy/service-role/" + name)));
  }

  @Test
  void createsBothRolesUnderTheirFixedNamesTrustingDms() {
    Stack stack = stack();
    new DmsAccountRoles(stack, "AccountRoles");
    Template template = template(stack);

    Map<String, Object> trust =
        Map.of(
            "Statement",
            List.of(
                Map.of(
                    "Action", "sts:AssumeRole",
                    "Effect", "Allow",
                    "Principal", Map.of("Service", "dms.amazonaws.com"))));
    template.resourceCountIs("AWS::IAM::Role", 2);
    template.hasResourceProperties(
        "AWS::IAM::Role",
        Map.of(
            "RoleName", "dms-vpc-role",
            "AssumeRolePolicyDocument", Match.objectLike(trust),
            "ManagedPolicyArns", List.of(managedPolicy("AmazonDMSVPCManagementRole"))));
    template.hasResourceProperties(
        "AWS::IAM::Role",
        Map.of(
            "RoleName", "dms-cloudwatch-logs-role",
            "AssumeRolePolicyDocument", Match.objectLike(trust),
            "ManagedPolicyArns", List.of(managedPolicy("AmazonDMSCloudWatchLogsRole"))));
  }

  @Test
  void referencesExistingRolesWithoutCreatingAny() {
    Stack stack = stack();
    DmsAccountRoles roles = DmsAccountRoles.fromExisting(stack, "AccountRoles");

    assertThat(stack.getNode().findAll()).noneMatch(CfnResource.class::isInstance);
    assertThat(stack.resolve(roles.getVpcRole().getRoleArn()).toString())
        .contains(":role/dms-vpc-role");
  }

  @Test
  void aServerInAnotherStackDeploysAfterTheRoles() {
    App app = new App();
    Stack shared = Fixtures.stack(app, "Shared");
    DmsAccountRoles roles = new DmsAccountRoles(shared, "AccountRoles");
    Stack serverStack = Fixtures.stack(app, "Server");
    new DmsReplicationServer(
        serverStack,
        "Server",
        DmsReplicationServerProps.builder()
            .replicationInstanceIdentifier("sales-db01")
            .vpc(Vpc.Builder.create(serverStack, "Vpc").build())
            .accountRoles(roles)
            .build());

    app.synth();

    assertThat(serverStack.getDependencies()).containsExactly(shared);
  }

  @Test
  void refusesASecondPairInOneApp() {
    App app = new App();
    new DmsAccountRoles(Fixtures.stack(app, "Shared"), "AccountRoles");
    Stack other = Fixtures.stack(app, "Other");

    assertThatThrownBy(() -> DmsAccountRoles.fromExisting(other, "Roles"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsAccountRoles 'Other/Roles': the app already has DmsAccountRoles at"
                + " 'Shared/AccountRoles', and an account has one dms-vpc-role and one"
                + " dms-cloudwatch-logs-role: hand that one to every construct that needs it");
  }

  @Test
  void anotherAppMayHaveItsOwn() {
    new DmsAccountRoles(stack(), "AccountRoles");

    assertThat(new DmsAccountRoles(stack(), "AccountRoles").getVpcRole()).isNotNull();
  }
}
