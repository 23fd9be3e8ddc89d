package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void serverStacksCarryTheServerNameAsALegalIdentifier() {
    assertThat(Names.serverStack("DmsFleet", "SQL_PROD.01"))
        .isEqualTo("DmsFleet-Server-sql-prod-01");
    assertThat(Names.serverStack("Lake", "dbserver1")).isEqualTo("Lake-Server-dbserver1");
  }

  @Test
  void sharedStacksInTheOrderTheyDeploy() {
    Settings settings = ImmutableSettings.builder().stackPrefix("Lake").build();

    assertThat(Names.sharedStacks(settings))
        .containsExactly("Lake-AccountRoles", "Lake-Network", "Lake-Storage", "Lake-Alerts");
  }

  @Test
  void noAccountRolesStackWhenTheRolesExistAlready() {
    Settings settings = ImmutableSettings.builder().createAccountRoles(false).build();

    assertThat(Names.sharedStacks(settings))
        .containsExactly("DmsFleet-Network", "DmsFleet-Storage", "DmsFleet-Alerts");
  }
}
