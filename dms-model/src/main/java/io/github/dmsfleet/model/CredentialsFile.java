package io.github.dmsfleet.model;

import java.util.List;
import org.immutables.value.Value;

/** A validated credentials CSV: its rows, and what is allowed but worth knowing about the file. */
@Value.Immutable
public interface CredentialsFile {
  /** One per database, in file order. */
  List<Credential> credentials();

  /** Such as the file being readable by other users; never a value from the file. */
  List<Problem> warnings();
}
