package io.github.dmsfleet.rules;

import java.util.regex.Pattern;

/** Rules for the names of the Secrets Manager secrets that hold source credentials. */
public final class Secrets {
  /** Longest secret name. */
  public static final int MAX_NAME_LENGTH = 512;

  private static final String LEGAL = "A-Za-z0-9/_+=.@-";
  private static final Pattern ILLEGAL = Pattern.compile("[^" + LEGAL + "]");
  private static final Pattern ARN_SUFFIX = Pattern.compile(".*-[A-Za-z0-9]{6}");

  /** A secret name, as Secrets Manager allows it. */
  public static final TextRule NAME =
      TextRule.matching(
          Pattern.compile("[" + LEGAL + "]{1," + MAX_NAME_LENGTH + "}"),
          "a secret name: 1 to " + MAX_NAME_LENGTH + " letters, digits and / _ + = . @ -");

  private Secrets() {}

  /** The name with every character Secrets Manager does not allow replaced by {@code _}. */
  public static String withLegalCharacters(String name) {
    return ILLEGAL.matcher(name).replaceAll("_");
  }

  /**
   * Whether the name ends in a hyphen and six characters, which Secrets Manager confuses with the
   * random suffix of an ARN. Legal, but a name to avoid for a secret one creates.
   */
  public static boolean looksLikeArnSuffix(String name) {
    return ARN_SUFFIX.matcher(name).matches();
  }
}
