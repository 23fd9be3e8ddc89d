package io.github.dmsfleet.rules;

import java.util.regex.Pattern;

/** Rules for the S3 target: its bucket, the folders DMS writes to, and its files. */
public final class S3Targets {
  /**
   * S3's safe key characters, less {@code *}, which IAM would read as a wildcard in the target
   * role's policy.
   */
  private static final String SAFE = "A-Za-z0-9!_.'()-";

  private static final Pattern UNSAFE = Pattern.compile("[^" + SAFE + "]");

  private static final Pattern BUCKET_CHARACTERS =
      Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern DOT_BESIDE_DOT_OR_HYPHEN = Pattern.compile("\\.\\.|\\.-|-\\.");
  private static final Pattern IP_ADDRESS =
      Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  /** A bucket name, as S3 and the CDK's own check take it. */
  public static final TextRule BUCKET_NAME =
      TextRule.of(
          name ->
              BUCKET_CHARACTERS.matcher(name).matches()
                  && !DOT_BESIDE_DOT_OR_HYPHEN.matcher(name).find()
                  && !IP_ADDRESS.matcher(name).matches(),
          "an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, starting and"
              + " ending with a letter or digit, no dot beside another dot or a hyphen, and not an"
              + " IP address");

  /**
   * A folder DMS writes to: a key prefix of safe characters, without a slash at either end or two
   * in a row, as the target endpoint's {@code BucketFolder} and the target role's policy expect.
   */
  public static final TextRule FOLDER =
      TextRule.matching(
          Pattern.compile("[" + SAFE + "]+(/[" + SAFE + "]+)*"),
          "an S3 folder such as data or lake/raw: letters, digits and ! _ . ' ( ) -, parts joined"
              + " by single /");

  /** The largest file DMS writes, in KiB. */
  public static final Range MAX_FILE_SIZE_KIB = new Range(1, 1_048_576);

  /** Days before objects move to Glacier; 0 turns the transition off. */
  public static final Range GLACIER_TRANSITION_DAYS = new Range(0, 36_500);

  private S3Targets() {}

  /** The name with every character that is not safe in a {@link #FOLDER} replaced by {@code _}. */
  public static String safeFolderName(String name) {
    return UNSAFE.matcher(name).replaceAll("_");
  }
}
