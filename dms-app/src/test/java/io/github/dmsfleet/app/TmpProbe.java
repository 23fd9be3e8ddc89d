package io.github.dmsfleet.app;

import io.github.dmsfleet.model.ConfigLoader;
import io.github.dmsfleet.model.Fleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;

public class TmpProbe {
  public static void main(String[] args) throws Exception {
    int servers = Integer.parseInt(args[0]);
    int dbs = Integer.parseInt(args[1]);
    boolean nag = Boolean.parseBoolean(args[2]);
    boolean validate = Boolean.parseBoolean(args[3]);
    Path work = Files.createTempDirectory("probe");
    Path config = SyntheticConfig.write(work.resolve("config"), servers, dbs);
    long t0 = System.nanoTime();
    App app = DmsFleetApp.newApp(Map.of(DmsFleetApp.VALIDATE_TEMPLATES_FLAG, validate), work.resolve("out"));
    long t1 = System.nanoTime();
    Fleet fleet = ConfigLoader.load(config);
    long t2 = System.nanoTime();
    FleetStacks stacks = FleetStacks.create(app, fleet, null);
    if (nag) FleetChecks.addTo(stacks);
    long t3 = System.nanoTime();
    var asm = app.synth();
    long t4 = System.nanoTime();
    FleetChecks.findings(asm);
    long t5 = System.nanoTime();
    System.out.printf("%dx%d nag=%s validate=%s: newApp %.1f load %.1f construct %.1f synth %.1f findings %.1f%n",
        servers, dbs, nag, validate, (t1-t0)/1e9, (t2-t1)/1e9, (t3-t2)/1e9, (t4-t3)/1e9, (t5-t4)/1e9);
  }
}
