package io.github.dmsfleet.ops;

import io.github.dmsfleet.ops.fake.FakeDms;
import java.net.URI;
import java.time.Duration;

/**
 * Serves the fake DMS with the sample fleet's five tasks in five states, and a timestamp-fixing
 * proxy in front of a running moto_server, for trying the jar by hand (the README's output comes
 * from these). Args: {@code [serverless] [moto_server URL]}. With {@code serverless}, dbserver2's
 * two databases are DMS Serverless replications instead (for a config whose dbserver2 has {@code
 * compute serverless}): sales never started, inventory stopped on request; a start walks through
 * the serverless states, with provisioning_capacity taking 8 s.
 */
public final class DemoServers {
  private DemoServers() {}

  public static void main(String[] args) throws Exception {
    boolean serverless = args.length > 0 && args[0].equals("serverless");
    FakeDms dms =
        FakeDms.start(
            new FakeDms.Timing(
                Duration.ofMillis(20),
                Duration.ofSeconds(2),
                Duration.ofSeconds(serverless ? 7 : 3),
                Duration.ofSeconds(2),
                Duration.ZERO,
                Duration.ofSeconds(8)));
    dms.addTask("dbserver1-dbname1-all", "full-load-and-cdc", "ready", false, false);
    dms.addTask("dbserver1-dbname2-all", "full-load-and-cdc", "stopped", true, true);
    dms.stopReason("dbserver1-dbname2-all", "STOPPED_AFTER_CACHED_EVENTS");
    dms.addTask("dbserver1-dbname3-all", "full-load-and-cdc", "running", true, true);
    if (serverless) {
      dms.addReplication("dbserver2-sales-all", "full-load-and-cdc", "created", true, false);
      dms.addReplication("dbserver2-inventory-all", "full-load-and-cdc", "stopped", true, true);
      dms.addTable("dbserver2-sales-all", "sales", "invoices", "Table completed");
      dms.addTable("dbserver2-sales-all", "sales", "invoice_lines", "Table error");
    } else {
      dms.addTask("dbserver2-sales-all", "full-load", "ready", true, false);
      dms.addTask("dbserver2-inventory-all", "full-load-and-cdc", "failed", true, true);
      dms.failOnStart(
          "dbserver2-inventory-all",
          "Error connecting to source database: Login failed for user 'dms_reader'");
    }
    dms.addTable("dbserver1-dbname3-all", "dbo", "orders", "Table completed");
    dms.addTable("dbserver1-dbname3-all", "dbo", "order_lines", "Table error");
    dms.addTable("dbserver1-dbname3-all", "dbo", "customers", "Table completed");
    System.out.println("fake DMS: " + dms.endpoint());
    String moto =
        serverless ? (args.length > 1 ? args[1] : null) : (args.length > 0 ? args[0] : null);
    if (moto != null) {
      TimestampFixingProxy proxy = new TimestampFixingProxy(URI.create(moto));
      System.out.println("moto proxy: " + proxy.endpoint());
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
