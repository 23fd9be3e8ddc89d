package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dmsfleet.rules.Compute;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dms_servers.txt} and the compute settings: each server's effective settings. */
class ServerSettingsTest {
  @TempDir Path dir;

  private ConfigFolder twoServers() {
    return ConfigFolder.in(dir)
        .databases("server,dbname\norders,a\nbilling,b\n")
        .mappingsFor("orders:a", "billing:b");
  }

  private Path serversFile() {
    return dir.resolve(ConfigLoader.SERVERS_FILE);
  }

  private Path parametersFile() {
    return dir.resolve(SettingsParser.FILE_NAME);
  }

  @Test
  void overridesReachOnlyTheServersTheyName() {
    Fleet fleet =
        twoServers()
            .parameters("key,value\ninstancesize,dms.r5.large\nmulti_az,true\n")
            .servers(
                """
                server,instance_class,allocated_storage,maintenance_window
                ORDERS,dms.r5.4xlarge,500,Sun:02:00-Sun:03:00
                """)
            .load();
    Server orders = fleet.server("orders").orElseThrow();
    Server billing = fleet.server("billing").orElseThrow();

    assertThat(orders.instanceClass()).isEqualTo("dms.r5.4xlarge");
    assertThat(orders.allocatedStorageGiB()).isEqualTo(500);
    assertThat(orders.multiAz()).isTrue();
    assertThat(orders.maintenanceWindow()).contains("sun:02:00-sun:03:00");
    assertThat(orders.compute()).isEqualTo(Compute.INSTANCE);
    assertThat(billing.instanceClass()).isEqualTo("dms.r5.large");
    assertThat(billing.allocatedStorageGiB()).isEqualTo(50);
    assertThat(billing.multiAz()).isTrue();
    assertThat(billing.maintenanceWindow()).isEmpty();
  }

  @Test
  void aServerMayRunServerlessWithItsOwnCapacity() {
    Fleet fleet =
        twoServers()
            .servers(
                "server,compute,max_capacity_units,min_capacity_units\nbilling,serverless,64,2\n")
            .load();
    Server billing = fleet.server("billing").orElseThrow();

    assertThat(billing.compute()).isEqualTo(Compute.SERVERLESS);
    assertThat(billing.maxCapacityUnits()).isEqualTo(64);
    assertThat(billing.minCapacityUnits()).hasValue(2);
    assertThat(fleet.server("orders").orElseThrow().compute()).isEqualTo(Compute.INSTANCE);
  }

  @Test
  void aServerlessFleetMayRunAServerOnAnInstanceSizedByTheFleetsInstanceKeys() {
    Fleet fleet =
        twoServers()
            .parameters("key,value\ncompute,serverless\ninstancesize,dms.r5.large\n")
            .servers("server,compute\norders,instance\n")
            .load();

    assertThat(fleet.server("orders").orElseThrow().compute()).isEqualTo(Compute.INSTANCE);
    assertThat(fleet.server("orders").orElseThrow().instanceClass()).isEqualTo("dms.r5.large");
    assertThat(fleet.server("billing").orElseThrow().compute()).isEqualTo(Compute.SERVERLESS);
    assertThat(fleet.server("billing").orElseThrow().maxCapacityUnits()).isEqualTo(16);
  }

  @Test
  void everyBadRowIsReportedWithItsLine() {
    ConfigFolder folder =
        twoServers()
            .servers(
                """
                server,instance_class,allocated_storage,compute
                order,dms.r5.large,,
                orders,r5.large,,
                billing,,100,
                Billing,,200,
                ,dms.r5.large,,
                orders,,,lambda
                """);

    assertThat(folder.problems())
        .containsExactly(
            Problem.at(
                serversFile(),
                3,
                "'instance_class': 'r5.large' is not a DMS instance class such as dms.r5.xlarge"),
            Problem.at(
                serversFile(),
                5,
                "server 'Billing' already has a row on line 4; keep one row per server"),
            Problem.at(
                serversFile(), 6, "'server' is empty; name a server of dms_config_details.txt"),
            Problem.at(serversFile(), 7, "'compute': 'lambda' is not one of instance, serverless"),
            Problem.at(
                serversFile(),
                2,
                "server 'order' is not in dms_config_details.txt; did you mean 'orders'?"));
  }

  @Test
  void anUnknownColumnSuggestsTheNearestKnownOne() {
    ConfigFolder folder = twoServers().servers("server,instance_clas\norders,dms.r5.large\n");

    assertThat(folder.problems())
        .containsExactly(
            Problem.at(
                serversFile(),
                1,
                "unknown column 'instance_clas'; did you mean 'instance_class'?"));
  }

  @Test
  void instanceSettingsOfAServerlessServerAndCapacitiesOfAnInstanceAreErrors() {
    ConfigFolder folder =
        twoServers()
            .servers(
                """
                server,compute,instance_class,engine_version,max_capacity_units
                orders,serverless,dms.r5.large,3.5.4,
                billing,,,,32
                """);

    assertThat(folder.problems())
        .containsExactly(
            Problem.at(
                serversFile(),
                2,
                "'instance_class' applies only to replication instances, and server 'orders' runs"
                    + " serverless; remove it or set compute instance"),
            Problem.at(
                serversFile(),
                2,
                "'engine_version' applies only to replication instances, and server 'orders' runs"
                    + " serverless; remove it or set compute instance"),
            Problem.at(
                serversFile(),
                3,
                "'max_capacity_units' applies only to serverless replications, and server 'billing'"
                    + " runs on a replication instance; remove it or set compute serverless"));
  }

  @Test
  void fleetKeysForAComputeNoServerRunsAreErrors() {
    assertThat(
            twoServers()
                .parameters(
                    "key,value\ncompute,serverless\ninstancesize,dms.r5.large\nallocated_storage,100\n")
                .problems())
        .containsExactly(
            Problem.at(
                parametersFile(),
                3,
                "key 'instancesize' applies only to replication instances, and no server runs on a"
                    + " replication instance; remove it, or set compute instance here or for a server"
                    + " in dms_servers.txt"),
            Problem.at(
                parametersFile(),
                4,
                "key 'allocated_storage' applies only to replication instances, and no server runs"
                    + " on a replication instance; remove it, or set compute instance here or for a"
                    + " server in dms_servers.txt"));
    assertThat(twoServers().parameters("key,value\nmax_capacity_units,32\n").problems())
        .containsExactly(
            Problem.at(
                parametersFile(),
                2,
                "key 'max_capacity_units' applies only to serverless replications, and no server"
                    + " runs serverless; remove it, or set compute serverless here or for a server"
                    + " in dms_servers.txt"));
  }

  @Test
  void theMinimumCapacityMayNotExceedTheMaximum() {
    assertThat(
            twoServers()
                .parameters("key,value\ncompute,serverless\nmin_capacity_units,32\n")
                .problems())
        .containsExactly(
            Problem.at(
                parametersFile(),
                3,
                "min_capacity_units 32 is above max_capacity_units 16; lower it or raise"
                    + " max_capacity_units"));
    assertThat(
            twoServers()
                .parameters("key,value\ncompute,serverless\nmin_capacity_units,16\n")
                .servers("server,max_capacity_units\nbilling,8\n")
                .problems())
        .containsExactly(
            Problem.at(
                serversFile(),
                2,
                "min_capacity_units 16 is above max_capacity_units 8; lower it or raise"
                    + " max_capacity_units"));
  }

  @Test
  void aServerlessServerHasNoInstanceIdentifierToFit() {
    String server = "s".repeat(60);
    Fleet fleet =
        ConfigFolder.in(dir)
            .parameters("key,value\ncompute,serverless\n")
            .databases("server,dbname\n" + server + ",db\n")
            .mappingsFor(server + ":db")
            .load();

    assertThat(fleet.databases().get(0).taskIdentifier()).isEqualTo(server + "-db-all");
  }

  @Test
  void replicationConfigIdentifiersFollowTheTaskRuleAndLimit() {
    String database = "d".repeat(250);
    ConfigFolder folder =
        ConfigFolder.in(dir)
            .parameters("key,value\ncompute,serverless\n")
            .databases("server,dbname,mapping_file\nsrv," + database + ",long.json\n")
            .mapping("long.json", ConfigFolder.MAPPING);

    assertThat(folder.problems())
        .extracting(Problem::message)
        .first()
        .isEqualTo(
            "replication config identifier 'srv-"
                + database
                + "-all' is 258 characters; DMS allows at most 255: shorten the server or database"
                + " name");
  }
}
