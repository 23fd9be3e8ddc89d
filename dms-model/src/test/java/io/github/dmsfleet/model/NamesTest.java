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
        .containsExactly(
            "Lake-AccountRoles", "Lake-Storage", "Lake-Network", "Lake-Alerts", "Lake-Overview");
  }

  @Test
  void noAccountRolesStackWhenTheRolesExistAlready() {
    Settings settings = ImmutableSettings.builder().createAccountRoles(false).build();

    assertThat(Names.sharedStacks(settings))
        .containsExactly(
            "DmsFleet-Storage", "DmsFleet-Network", "DmsFleet-Alerts", "DmsFleet-Overview");
  }

  @Test
  void noStorageStackWhenTheBucketExistsAlready() {
    Settings settings = ImmutableSettings.builder().bucketName("lake-raw").build();

    assertThat(Names.sharedStacks(settings))
        .containsExactly(
            "DmsFleet-AccountRoles", "DmsFleet-Network", "DmsFleet-Alerts", "DmsFleet-Overview");
  }
}
