package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.rules.DmsIdentifiers;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Property
  void anyNameGivesALegalIdentifierInTheLowerCaseDmsStores(
      @ForAll @StringLength(max = 200) String server,
      @ForAll @StringLength(max = 40) String database) {
    String identifier = Identifiers.of(server, database, "all");

    assertThat(DmsIdentifiers.isLegal(identifier, Integer.MAX_VALUE)).as(identifier).isTrue();
    assertThat(DmsIdentifiers.stored(identifier)).isEqualTo(identifier);
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
}
