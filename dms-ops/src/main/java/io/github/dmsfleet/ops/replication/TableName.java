package io.github.dmsfleet.ops.replication;

/** A source table, {@code SCHEMA.TABLE}. */
public record TableName(String schema, String table) {

  /** Reads {@code SCHEMA.TABLE}; the first dot separates them. */
  public static TableName parse(String text) {
    int dot = text.indexOf('.');
    if (dot <= 0 || dot == text.length() - 1) {
      throw new IllegalArgumentException(
          "'" + text + "' is not SCHEMA.TABLE; write it like dbo.orders");
    }
    return new TableName(text.substring(0, dot), text.substring(dot + 1));
  }

  @Override
  public String toString() {
    return schema + "." + table;
  }
}
