package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.dmsfleet.rules.SourceEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private static List<Problem> problemsOf(ConfigFolder folder) {
    try {
      folder.load();
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected the config to be invalid");
  }

  @Test
  void loadsTheSampleConfig() {
    Fleet fleet = ConfigLoader.load(Path.of("..", "config"));

    assertThat(fleet.servers())
        .extracting(Server::instanceIdentifier)
        .containsExactly("dbserver1-instance", "dbserver2-instance");
    assertThat(fleet.databases())
        .extracting(Database::taskIdentifier)
        .containsExactly(
            "dbserver1-dbname1-all",
            "dbserver1-dbname2-all",
            "dbserver1-dbname3-all",
            "dbserver2-sales-all",
            "dbserver2-inventory-all");
    assertThat(fleet.warnings()).isEmpty();
    assertThat(fleet.server("dbserver1").orElseThrow().instanceClass()).isEqualTo("dms.r5.2xlarge");
    assertThat(fleet.server("dbserver2").orElseThrow().instanceClass()).isEqualTo("dms.r5.xlarge");
    assertThat(fleet.database("dbserver2", "sales").orElseThrow().taskSettings()).isPresent();
    assertThat(fleet.settings().sourceCidrs()).containsExactly("10.1.0.0/24");
  }

  @Test
  void groupsRowsByServerWhateverTheirOrder() {
    Fleet fleet =
        ConfigFolder.in(dir)
            .databases("server,dbname\nb,one\na,two\nb,three\na,four\nc,five\nb,six\n")
            .mappingsFor("b:one", "a:two", "b:three", "a:four", "c:five", "b:six")
            .load();

    assertThat(fleet.servers()).extracting(Server::name).containsExactly("b", "a", "c");
    assertThat(fleet.server("b").orElseThrow().databases())
        .extracting(Database::name)
        .containsExactly("one", "three", "six");
    assertThat(fleet.server("a").orElseThrow().databases())
        .extracting(Database::name)
        .containsExactly("two", "four");
  }

  @Test
  void namesFollowTheSampleConventions() {
    Database database =
        ConfigFolder.in(dir)
            .databases("server,dbname\ndbserver1,dbname1\n")
            .mappingsFor("dbserver1:dbname1")
            .load()
            .databases()
            .get(0);

    assertThat(database.taskIdentifier()).isEqualTo("dbserver1-dbname1-all");
    assertThat(database.sourceEndpointIdentifier())
        .isEqualTo("dbserver1-dbname1-sqlserver-source-endpoint");
    assertThat(database.targetEndpointIdentifier())
        .isEqualTo("dbserver1-dbname1-s3-target-endpoint");
    assertThat(database.secretName()).isEqualTo("dms_dbserver1_dbname1_sql_server");
    assertThat(database.s3Prefix()).isEqualTo("data/dbserver1/dbname1");
    assertThat(database.engine()).isEqualTo(SourceEngine.SQL_SERVER);
  }

  @Test
  void illegalCharactersBecomeLegalIdentifiers() {
    Fleet fleet =
        ConfigFolder.in(dir)
            .databases("server,dbname\nSQL_PROD.01,Sales DB*\n")
            .mappingsFor("SQL_PROD.01:Sales DB*")
            .load();
    Database database = fleet.databases().get(0);

    assertThat(fleet.servers().get(0).instanceIdentifier()).isEqualTo("sql-prod-01-instance");
    assertThat(database.taskIdentifier()).isEqualTo("sql-prod-01-sales-db-all");
    assertThat(database.sourceEndpointIdentifier())
        .isEqualTo("sql-prod-01-sales-db-sqlserver-source-endpoint");
    assertThat(database.secretName()).isEqualTo("dms_SQL_PROD.01_Sales_DB__sql_server");
    assertThat(database.s3Prefix()).isEqualTo("data/SQL_PROD.01/Sales_DB_");
  }

  @Test
  void readsByteOrderMarkCrlfBlankLinesQuotesAndSpaces() {
    Fleet fleet =
        ConfigFolder.in(dir)
            .databases(
                "\uFEFFserver,dbname\r\n\r\n  dbserver1 ,\"db,one\"\r\n\r\n\"db\"\"server2\",two\r\n")
            .mappingsFor("dbserver1:db,one", "db\"server2:two")
            .load();

    assertThat(fleet.databases())
        .extracting(Database::serverName, Database::name, Database::line)
        .containsExactly(tuple("dbserver1", "db,one", 3), tuple("db\"server2", "two", 5));
  }

  @Test
  void lineNumbersCountNewlinesInsideQuotes() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases("server,dbname\n\"multi\nline\",one\nsrv,\n")
            .mappingsFor("multi\nline:one");

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                2,
                "'server' holds the control character U+000A; remove it"),
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                4,
                "'dbname' is empty; name the source database"));
  }

  @Test
  void findsTheMappingFileInAnyCase() {
    Fleet fleet =
        ConfigFolder.in(dir)
            .databases("server,dbname\nDbServer1,DbName1\n")
            .mapping("DMS_DBSERVER1_DBNAME1_MAPPINGS.JSON", ConfigFolder.MAPPING)
            .load();

    assertThat(fleet.databases().get(0).tableMapping().file().getFileName().toString())
        .isEqualTo("DMS_DBSERVER1_DBNAME1_MAPPINGS.JSON");
  }

  @Test
  void failsWhenADatabaseHasNoMappingFile() {
    ConfigFolder folder = ConfigFolder.in(dir).databases("server,dbname\ndbserver1,dbname1\n");

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                2,
                "no table mapping for server 'dbserver1' database 'dbname1'; expected "
                    + folder.mappingFile("dms_dbserver1_dbname1_mappings.json")));
  }

  @Test
  void mappingFileAndEngineColumnsOverrideTheDefaults() {
    Database database =
        ConfigFolder.in(dir)
            .databases("server,dbname,engine,mapping_file\norders,shop,postgres,shared.json\n")
            .mapping("shared.json", ConfigFolder.MAPPING)
            .load()
            .databases()
            .get(0);

    assertThat(database.engine()).isEqualTo(SourceEngine.POSTGRESQL);
    assertThat(database.sourceEndpointIdentifier())
        .isEqualTo("orders-shop-postgres-source-endpoint");
    assertThat(database.secretName()).isEqualTo("dms_orders_shop_postgres");
    assertThat(database.tableMapping().file())
        .isEqualTo(dir.resolve("dms_json_mappings/shared.json"));
  }

  @Test
  void failsWhenTwoRowsBecomeTheSameTask() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases("server,dbname\nsrv,db_1\nsrv,db-1\n")
            .mappingsFor("srv:db_1", "srv:db-1");

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                3,
                "server 'srv' database 'db-1' and server 'srv' database 'db_1' on line 2 both become task"
                    + " 'srv-db-1-all'; remove the duplicate or rename one"));
  }

  @Test
  void failsWhenTwoServerSpellingsBecomeTheSameInstance() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases("server,dbname\ndb_server,one\nDB-SERVER,two\n")
            .mappingsFor("db_server:one", "DB-SERVER:two");

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                3,
                "server 'DB-SERVER' and server 'db_server' on line 2 both become replication instance"
                    + " 'db-server-instance'; spell the server name the same way in every row"));
  }

  @Test
  void failsWhenTheInstanceIdentifierIsTooLong() {
    String server = "s".repeat(55);
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases("server,dbname\n" + server + ",db\n")
            .mappingsFor(server + ":db");

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                2,
                "replication instance identifier '"
                    + server
                    + "-instance' is 64 characters; DMS allows at most 63:"
                    + " shorten the server name"));
  }

  @Test
  void failsWhenTheTaskIdentifierIsTooLong() {
    String database = "d".repeat(250);
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases("server,dbname,mapping_file\nsrv," + database + ",long.json\n")
            .mapping("long.json", ConfigFolder.MAPPING);

    assertThat(problemsOf(folder))
        .extracting(Problem::message)
        .containsExactly(
            "task identifier 'srv-"
                + database
                + "-all' is 258 characters; DMS allows at most 255: shorten the server"
                + " or database name",
            "source endpoint identifier 'srv-"
                + database
                + "-sqlserver-source-endpoint' is 280 characters; DMS"
                + " allows at most 255: shorten the server or database name");
  }

  @Test
  void failsWhenAServerHasMoreDatabasesThanOneInstanceServes() {
    String rows =
        IntStream.rangeClosed(1, 51).mapToObj(i -> "big,db" + i).collect(Collectors.joining("\n"));
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases("server,dbname\n" + rows + "\n")
            .mappingsFor(
                IntStream.rangeClosed(1, 51).mapToObj(i -> "big:db" + i).toArray(String[]::new));

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                52,
                "server 'big' has 51 databases; one replication instance serves at most 100 endpoints, so at most 50"
                    + " databases: list the rest under a second server name (such as 'big-2') with matching credentials"
                    + " rows"));
  }

  @Test
  void failsWhenAServerlessServerHasMoreDatabasesThanItsStackHolds() {
    String rows =
        IntStream.rangeClosed(1, 83).mapToObj(i -> "big,db" + i).collect(Collectors.joining("\n"));
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .parameters("key,value\ncompute,serverless\n")
            .databases("server,dbname\n" + rows + "\n")
            .mappingsFor(
                IntStream.rangeClosed(1, 83).mapToObj(i -> "big:db" + i).toArray(String[]::new));

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                84,
                "server 'big' has 83 databases; a serverless server's stack holds 6 resources per"
                    + " database and CloudFormation takes 500 per stack, so at most 82 databases: list"
                    + " the rest under a second server name (such as 'big-2') with matching"
                    + " credentials rows"));
  }

  @Test
  void warnsWhenTheFleetNeedsMoreThanTheAccountQuotas() {
    String rows =
        IntStream.rangeClosed(1, 61)
            .mapToObj(i -> "srv" + i + ",db")
            .collect(Collectors.joining("\n"));
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases("server,dbname\n" + rows + "\n")
            .mappingsFor(
                IntStream.rangeClosed(1, 61)
                    .mapToObj(i -> "srv" + i + ":db")
                    .toArray(String[]::new));

    assertThat(folder.load().warnings())
        .containsExactly(
            Problem.inFile(
                folder.file(ConfigLoader.DATABASES_FILE),
                "the config needs 61 replication instances; the default DMS quota is 60 per account and Region: raise it"
                    + " in Service Quotas before deploying"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .parameters("key,value\nmaxfilesize,0\ninstancesise,dms.t3.medium\n")
            .databases("server,dbname,engin\nsrv,db,mysql\n")
            .mapping("broken.json", "{");

    assertThat(problemsOf(folder))
        .extracting(Problem::toString)
        .containsExactly(
            folder.file("parameters.txt")
                + ":2: key 'maxfilesize': must be a whole number of KiB from 1 to 1048576,"
                + " got '0'",
            folder.file("parameters.txt")
                + ":3: unknown key 'instancesise'; did you mean 'instancesize'?",
            folder.file(ConfigLoader.DATABASES_FILE)
                + ":1: unknown column 'engin'; did you mean 'engine'?");
  }

  @Test
  void aCommandThatReadsNoDocumentTakesTheirProblemsAsWarnings() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .databases("server,dbname,mapping_file\nsrv,db,broken.json\n")
            .mapping("broken.json", "\uFEFF{\"rules\": [");

    Fleet fleet = ConfigLoader.loadForOperations(dir);

    assertThat(problemsOf(folder))
        .extracting(Problem::file)
        .containsExactly(folder.mappingFile("broken.json"));
    assertThat(fleet.databases())
        .extracting(Database::taskIdentifier)
        .containsExactly("srv-db-all");
    assertThat(fleet.warnings())
        .extracting(Problem::file)
        .containsExactly(folder.mappingFile("broken.json"));
  }

  @Test
  void aCommandThatReadsNoDocumentStillFailsOnAnyOtherProblem() {
    ConfigFolder.in(dir)
        .parameters("key,value\nmaxfilesize,0\n")
        .databases("server,dbname,mapping_file\nsrv,db,broken.json\n")
        .mapping("broken.json", "{");

    ConfigException thrown =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.loadForOperations(dir));

    assertThat(thrown.problems())
        .extracting(Problem::toString)
        .containsExactly(
            dir.resolve("parameters.txt")
                + ":2: key 'maxfilesize': must be a whole number of KiB from 1 to 1048576,"
                + " got '0'");
  }

  @Test
  void failsWhenTheDatabaseListIsEmpty() {
    ConfigFolder folder = ConfigFolder.in(dir).databases("server,dbname\n\n");

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.inFile(
                folder.file(ConfigLoader.DATABASES_FILE),
                "lists no database; add a row 'server,dbname' for each"));
  }

  @Test
  void failsWhenAFileIsMissing() {
    ConfigFolder folder = ConfigFolder.in(dir);

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.inFile(
                folder.file(ConfigLoader.DATABASES_FILE),
                "file not found; create it with the header 'server,dbname'"));
  }

  @Test
  void failsWhenTheConfigFolderIsMissing() {
    Path missing = dir.resolve("nowhere");

    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "The config has 1 problem:\n  "
                + missing
                + ": config folder not found; point to the folder holding parameters.txt and dms_config_details.txt");
  }

  @Test
  void failsWhenARowHasMoreFieldsThanTheHeader() {
    ConfigFolder folder = ConfigFolder.in(dir).databases("server,dbname\nsrv,db,extra\n");

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                2,
                "has 3 fields but the header has 2; quote a value that contains a comma"));
  }

  @Test
  void failsOnAnUnknownEngine() {
    ConfigFolder folder =
        ConfigFolder.in(dir).databases("server,dbname,engine\nsrv,db,db2\n").mappingsFor("srv:db");

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                2,
                "'engine': 'db2' is not one of sqlserver, mysql, mariadb, aurora, postgres,"
                    + " aurora-postgresql, oracle"));
  }

  @Test
  void failsWhenTheSecretNameLooksLikeAnArnSuffix() {
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .parameters("key,value\nsecret_name_pattern,{server}-{dbname}\n")
            .databases("server,dbname\nsrv,abc123\n")
            .mappingsFor("srv:abc123");

    assertThat(problemsOf(folder))
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                2,
                "secret name 'srv-abc123' ends in a hyphen and six characters, which Secrets Manager confuses with an ARN"
                    + " suffix; change 'secret_name_pattern' or the names"));
  }
}
