package io.github.dmsfleet.constructs.internal;

import software.amazon.awscdk.Token;

/** The rule for S3 target folders, shared by the S3 target role and the S3 target endpoint. */
public final class BucketFolders {
  private BucketFolders() {}

  /**
   * A folder as DMS takes it: a key prefix without leading or trailing slash, without '//' or
   * wildcards.
   */
  public static void check(Problems problems, String name, String folder) {
    if (folder == null || Token.isUnresolved(folder)) {
      return;
    }
    if (folder.isEmpty()
        || folder.startsWith("/")
        || folder.endsWith("/")
        || folder.contains("//")
        || folder.contains("*")
        || folder.contains("?")) {
      problems.add(
          "'"
              + name
              + "' must be a key prefix such as 'sales/orders', without leading or trailing"
              + " '/', '//' or wildcards, got '"
              + folder
              + "'");
    }
  }
}
