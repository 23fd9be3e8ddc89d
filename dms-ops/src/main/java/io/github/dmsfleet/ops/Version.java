package io.github.dmsfleet.ops;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = DmsOps.class.getPackage().getImplementationVersion();
    return new String[] {"dms-ops " + (version == null ? "(development build)" : version)};
  }
}
