package io.github.dmsfleet.model;

import java.nio.file.Path;

/**
 * One thing wrong with the config: where it is and what would be right.
 *
 * @param file the file it is in
 * @param line its line, counting from 1; 0 when it concerns the whole file
 * @param message what is wrong, with the bad value and the fix; never a secret
 */
public record Problem(Path file, int line, String message) {

  static Problem at(Path file, int line, String message) {
    return new Problem(file, line, message);
  }

  static Problem inFile(Path file, String message) {
    return new Problem(file, 0, message);
  }

  /** {@code file:line: message}, the form compilers use, so editors can jump to it. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
