package io.github.dmsfleet.model;

import java.nio.file.Path;
import org.immutables.value.Value;

/** A database's DMS table-mapping JSON, validated. */
@Value.Immutable
public interface TableMapping {
  /** The file it was read from. */
  Path file();

  /** The JSON as the file holds it; DMS takes it as a string. */
  String json();
}
