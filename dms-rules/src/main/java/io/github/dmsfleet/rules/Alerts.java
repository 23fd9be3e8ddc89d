package io.github.dmsfleet.rules;

import java.util.regex.Pattern;

/** Rules for where alerts go. */
public final class Alerts {
  /** An address an e-mail subscription can confirm: something, an @, and a dotted domain. */
  public static final TextRule EMAIL_ADDRESS =
      TextRule.matching(
          Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
          "an e-mail address such as dba@example.com");

  private Alerts() {}
}
