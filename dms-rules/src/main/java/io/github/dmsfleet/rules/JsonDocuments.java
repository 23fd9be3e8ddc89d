package io.github.dmsfleet.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How the JSON documents of a task are read: strictly, and with lines for every finding. */
final class JsonDocuments {
  /** Refuses duplicate keys, which DMS would otherwise resolve silently. */
  static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
              .build());

  private JsonDocuments() {}

  /** A syntax error as a finding on its line, with its column. */
  static Finding syntaxError(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    int line = at == null ? 0 : at.getLineNr();
    String column = at == null ? "" : " (column " + at.getColumnNr() + ")";
    return new Finding(line, "invalid JSON" + column + ": " + e.getOriginalMessage());
  }
}
