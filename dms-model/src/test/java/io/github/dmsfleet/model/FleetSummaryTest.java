package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSummaryTest {
  @TempDir Path dir;

  @Test
  void summarizesTheSampleConfigWithItsOverrides() {
    assertThat(FleetSummary.lines(ConfigLoader.load(Path.of("..", "config"))))
        .containsExactly(
            "  servers:             2",
            "  instances:           2",
            "  serverless:          0",
            "  databases:           5",
            "  tasks:               5",
            "  replication configs: 0",
            "  endpoints:           10",
            "Servers whose settings differ from the fleet's:",
            "  dbserver1: compute instance, instance_class dms.r5.2xlarge, allocated_storage 100,"
                + " multi_az false",
            "Databases whose settings differ from the fleet's:",
            "  dbserver2/sales: migration_type full-load-and-cdc, ssl_mode require, task_settings"
                + " sales.json",
            "Security:",
            "  unencrypted sources: none",
            "  source egress:       10.1.0.0/24 on port 1433");
  }

  @Test
  void namesServerlessServersUnencryptedDatabasesOwnPortsAndOpenEgress() {
    Fleet fleet =
        ConfigFolder.in(dir)
            .parameters(
                """
                key,value
                allow_unencrypted_sources,true
                maintenance_window,sun:04:00-sun:04:30
                """)
            .servers(
                """
                server,compute,max_capacity_units,min_capacity_units,engine_version
                spiky,serverless,64,2,
                steady,,,,3.5.4
                """)
            .databases(
                """
                server,dbname,engine,ssl_mode,migration_type,port
                spiky,events,postgres,none,
                spiky,audit,postgres,,,5432
                steady,ledger,,,cdc
                quiet,archive,,,,14331
                """)
            .mappingsFor("spiky:events", "spiky:audit", "steady:ledger", "quiet:archive")
            .load();

    assertThat(FleetSummary.lines(fleet))
        .containsExactly(
            "  servers:             3",
            "  instances:           2",
            "  serverless:          1 (spiky)",
            "  databases:           4",
            "  tasks:               2",
            "  replication configs: 2",
            "  endpoints:           8",
            "Servers whose settings differ from the fleet's:",
            "  spiky: compute serverless, max_capacity_units 64, min_capacity_units 2, multi_az"
                + " false, maintenance_window sun:04:00-sun:04:30",
            "  steady: compute instance, instance_class dms.r5.xlarge, allocated_storage 50,"
                + " engine_version 3.5.4, multi_az false, maintenance_window sun:04:00-sun:04:30",
            "Databases whose settings differ from the fleet's:",
            "  spiky/events: migration_type full-load-and-cdc, ssl_mode none",
            "  steady/ledger: migration_type cdc, ssl_mode require",
            "  quiet/archive: migration_type full-load-and-cdc, ssl_mode require, port 14331",
            "Security:",
            "  unencrypted sources: 1 (spiky/events)",
            "  source egress:       open to any address on ports 1433, 5432, 14331; set"
                + " source_cidrs to narrow it");
  }
}
