package io.github.dmsfleet.ops.internal.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dmsfleet.model.Credential;

/** The JSON a DMS source endpoint reads from its secret. */
public final class SecretValue {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretValue() {}

  /**
   * {@code username}, {@code password}, {@code host}, {@code port}, {@code engine}, {@code dbname}.
   */
  public static String of(Credential credential) {
    ObjectNode value =
        JSON.createObjectNode()
            .put("username", credential.username())
            .put("password", credential.password())
            .put("host", credential.host())
            .put("port", credential.port())
            .put("engine", credential.engine().engineName())
            .put("dbname", credential.databaseName());
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a secret value", e);
    }
  }

  /**
   * Whether both hold the same JSON, whatever the key order or spacing; text that is not JSON never
   * matches.
   */
  public static boolean same(String current, String wanted) {
    if (current == null) {
      return false;
    }
    try {
      JsonNode currentTree = JSON.readTree(current);
      return currentTree != null && currentTree.equals(JSON.readTree(wanted));
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
