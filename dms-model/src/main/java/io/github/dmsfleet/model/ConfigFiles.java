package io.github.dmsfleet.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads config files as text, defensively: each kind of file has a size cap, a link may not lead
 * out of the config folder, and a NUL character is refused anywhere. The caps are far above what a
 * real config needs and are documented in {@code config/README.md}.
 */
final class ConfigFiles {
  static final int KIB = 1024;

  /** {@code parameters.txt}: a few dozen keys. */
  static final int PARAMETERS_CAP = 64 * KIB;

  /** {@code dms_config_details.txt}: tens of thousands of rows. */
  static final int DATABASES_CAP = 4096 * KIB;

  /** {@code dms_servers.txt}: a row per server. */
  static final int SERVERS_CAP = 1024 * KIB;

  /** A table mapping: what one CloudFormation template (1 MB at most) can hold. */
  static final int MAPPING_CAP = 1024 * KIB;

  /** A task-settings file: DMS's full settings are about 6 KiB. */
  static final int TASK_SETTINGS_CAP = 64 * KIB;

  /** The credentials CSV: a row per database. */
  static final int CREDENTIALS_CAP = 4096 * KIB;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /** The folder files must stay in; null when they may be anywhere. */
  private final Path folder;

  private ConfigFiles(Path folder) {
    this.folder = folder;
  }

  /** Files of the config folder: no link may lead out of it. */
  static ConfigFiles in(Path folder) {
    return new ConfigFiles(folder);
  }

  /** A file the user names on its own, such as the credentials CSV, which may be anywhere. */
  static ConfigFiles anywhere() {
    return new ConfigFiles(null);
  }

  /**
   * The file's text, without a byte-order mark; null, with the problem recorded, when it cannot be
   * used.
   *
   * @param whenMissing the message for a file that does not exist
   */
  String read(Path file, int cap, String whenMissing, Problems problems) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (folder != null) {
        Path real = file.toRealPath();
        if (!real.startsWith(folder.toRealPath())) {
          problems.error(
              Problem.inFile(
                  file,
                  "leads outside the config folder (to "
                      + real
                      + "); copy the file into the folder instead of linking to it"));
          return null;
        }
      }
      if (!attributes.isRegularFile()) {
        problems.error(Problem.inFile(file, "is not a regular file"));
        return null;
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(cap + 1);
      }
      if (bytes.length > cap) {
        problems.error(
            Problem.inFile(
                file,
                "is larger than "
                    + cap / KIB
                    + " KiB, the most this file may hold (config/README.md lists the limits)"));
        return null;
      }
      return text(file, bytes, problems);
    } catch (NoSuchFileException e) {
      problems.error(Problem.inFile(file, whenMissing));
    } catch (IOException e) {
      problems.error(Problem.inFile(file, "cannot be read: " + e.getMessage()));
    }
    return null;
  }

  private static String text(Path file, byte[] bytes, Problems problems) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      problems.error(Problem.inFile(file, "is not UTF-8 text; save it as UTF-8"));
      return null;
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      problems.error(
          Problem.at(
              file,
              lineAt(text, nul),
              "holds a NUL character; save the file as plain text without it"));
      return null;
    }
    return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
  }

  private static int lineAt(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }
}
