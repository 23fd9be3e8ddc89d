package io.github.dmsfleet.constructs;

import io.github.dmsfleet.constructs.internal.DmsPrincipals;
import io.github.dmsfleet.constructs.internal.Problems;
import io.github.dmsfleet.rules.Secrets;
import io.github.dmsfleet.rules.TextRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The role DMS assumes to read source endpoint credentials: {@code secretsmanager:GetSecretValue}
 * on exactly the given secrets, and {@code kms:Decrypt} through Secrets Manager on their key if it
 * is customer managed.
 *
 * <p>The secrets live outside CloudFormation, so they are named rather than created here. The role
 * trusts {@code dms.amazonaws.com} and {@code dms.<region>.amazonaws.com}, only for DMS resources
 * of this account. Construct id: {@code Resource} (the role).
 */
public class DmsSecretsAccessRole extends Construct {
  private static final TextRule SECRET_ARN =
      TextRule.matching(
          Pattern.compile(
              "arn:[a-z-]+:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}"),
          "a complete secret ARN"
              + " (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 characters>);"
              + " give a secret by name in 'secretNames' instead");

  private final Role role;

  public DmsSecretsAccessRole(Construct scope, String id, DmsSecretsAccessRoleProps props) {
    super(scope, id);
    validate(props);
    Stack stack = Stack.of(this);
    List<String> secretResources =
        new ArrayList<>(Objects.requireNonNullElse(props.getSecretArns(), List.of()));
    for (String name : Objects.requireNonNullElse(props.getSecretNames(), List.<String>of())) {
      // Secrets Manager appends '-' and six random characters to the name in the ARN.
      secretResources.add(
          stack.formatArn(
              ArnComponents.builder()
                  .service("secretsmanager")
                  .resource("secret")
                  .resourceName(name + "-??????")
                  .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                  .build()));
    }

    role =
        Role.Builder.create(this, "Resource")
            .roleName(props.getRoleName())
            .description("Lets DMS read the credentials of its source endpoints")
            .assumedBy(DmsPrincipals.dmsOfThisAccount(this))
            .build();
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("secretsmanager:GetSecretValue"))
            .resources(secretResources)
            .build());
    if (props.getEncryptionKey() != null) {
      role.addToPolicy(
          PolicyStatement.Builder.create()
              .actions(List.of("kms:Decrypt"))
              .resources(List.of(props.getEncryptionKey().getKeyArn()))
              .conditions(
                  Map.of(
                      "StringEquals",
                      Map.of(
                          "kms:ViaService",
                          "secretsmanager." + stack.getRegion() + ".amazonaws.com")))
              .build());
    }
  }

  /** The role, for {@link DmsDatabaseMigrationProps#getSecretsAccessRole()}. */
  public IRole getRole() {
    return role;
  }

  private void validate(DmsSecretsAccessRoleProps props) {
    Problems problems = new Problems("DmsSecretsAccessRole '" + getNode().getId() + "'");
    List<String> names = Objects.requireNonNullElse(props.getSecretNames(), List.of());
    List<String> arns = Objects.requireNonNullElse(props.getSecretArns(), List.of());
    if (names.isEmpty() && arns.isEmpty()) {
      problems.add("'secretNames' or 'secretArns' must name at least one secret");
    }
    problems.checkEach("secretNames", names, Secrets.NAME);
    problems.checkEach("secretArns", arns, SECRET_ARN);
    problems.throwIfAny();
  }
}
