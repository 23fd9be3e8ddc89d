package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsAccountRoles;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The account-wide roles DMS requires by name; deployed once per account, so kept in a stack of
 * their own.
 */
public final class AccountRolesStack extends Stack {
  private final DmsAccountRoles roles;

  AccountRolesStack(Construct scope, String id, StackProps props) {
    super(scope, id, props);
    roles = new DmsAccountRoles(this, "AccountRoles");
  }

  public DmsAccountRoles getRoles() {
    return roles;
  }
}
