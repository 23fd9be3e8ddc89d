package io.github.dmsfleet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DmsNamesTest {
  @Test
  void identifiersJoinLowerCaseAndHyphenateTheParts() {
    assertThat(DmsNames.identifier("SQL_PROD.01", "Sales DB", "all"))
        .isEqualTo("sql-prod-01-sales-db-all");
    assertThat(DmsNames.identifier("01srv", "db")).isEqualTo("dms-01srv-db");
  }

  @Test
  void namesTheResourcesOfADatabase() {
    assertThat(DmsNames.instanceIdentifier("erp01")).isEqualTo("erp01-instance");
    assertThat(DmsNames.taskIdentifier("erp01", "Orders")).isEqualTo("erp01-orders-all");
    assertThat(DmsNames.sourceEndpointIdentifier("erp01", "orders", SourceEngine.POSTGRESQL))
        .isEqualTo("erp01-orders-postgres-source-endpoint");
    assertThat(DmsNames.targetEndpointIdentifier("erp01", "orders"))
        .isEqualTo("erp01-orders-s3-target-endpoint");
  }

  @Test
  void foldersNestTheDatabaseUnderItsServerWithSafeCharacters() {
    assertThat(DmsNames.serverFolder("data", "erp 01")).isEqualTo("data/erp_01");
    assertThat(DmsNames.serverFolder("", "erp01")).isEqualTo("erp01");
    assertThat(DmsNames.databaseFolder("data/erp01", "sales#2")).isEqualTo("data/erp01/sales_2");
  }
}
