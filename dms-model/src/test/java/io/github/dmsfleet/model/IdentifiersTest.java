package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Property
  void anyNameGivesALegalIdentifier(
      @ForAll @StringLength(max = 200) String server,
      @ForAll @StringLength(max = 40) String database) {
    String identifier = Identifiers.of(server, database, "all");

    assertThat(Identifiers.isLegal(identifier, Integer.MAX_VALUE)).as(identifier).isTrue();
  }

  @Property
  void theRuleIsStable(@ForAll String name) {
    String identifier = Identifiers.of(name, "instance");

    assertThat(Identifiers.of(identifier)).isEqualTo(identifier);
  }

  @Test
  void replacesRunsOfIllegalCharactersWithOneHyphen() {
    assertThat(Identifiers.of("SQL__PROD..01", "Sales  DB", "all"))
        .isEqualTo("sql-prod-01-sales-db-all");
  }

  @Test
  void prefixesIdentifiersThatWouldNotStartWithALetter() {
    assertThat(Identifiers.of("10.0.0.5", "instance")).isEqualTo("dms-10-0-0-5-instance");
    assertThat(Identifiers.of("_db", "instance")).isEqualTo("db-instance");
  }

  @Test
  void isLegalFollowsTheDmsRules() {
    assertThat(Identifiers.isLegal("a-b1", 63)).isTrue();
    assertThat(Identifiers.isLegal("1ab", 63)).isFalse();
    assertThat(Identifiers.isLegal("ab-", 63)).isFalse();
    assertThat(Identifiers.isLegal("a--b", 63)).isFalse();
    assertThat(Identifiers.isLegal("A-b", 63)).isFalse();
    assertThat(Identifiers.isLegal("a".repeat(64), 63)).isFalse();
  }
}
