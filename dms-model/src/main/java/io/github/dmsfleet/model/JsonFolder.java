package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A folder of JSON documents that rows name, found by file name in any case, each read and checked
 * once however many rows share it.
 */
final class JsonFolder {
  private final ConfigFiles files;
  private final Path folder;
  private final int cap;
  private final Function<String, List<Finding>> check;
  private final boolean contentsUnread;
  private final Map<String, List<Path>> byLowerName = new HashMap<>();
  private final Map<Path, Optional<String>> read = new HashMap<>();

  /**
   * A folder of documents.
   *
   * @param check every problem of a document's text, each on its line
   * @param contentsUnread whether the reader never uses the documents' contents: then their
   *     problems are warnings and a document is taken as it is
   */
  JsonFolder(
      ConfigFiles files,
      Path folder,
      int cap,
      Function<String, List<Finding>> check,
      boolean contentsUnread) {
    this.files = files;
    this.folder = folder;
    this.cap = cap;
    this.check = check;
    this.contentsUnread = contentsUnread;
  }

  Path folder() {
    return folder;
  }

  /** Lists the folder; reports it missing with {@code whenMissing}, or not at all when null. */
  JsonFolder index(String whenMissing, Problems problems) {
    if (!Files.isDirectory(folder)) {
      if (whenMissing != null) {
        problems.error(Problem.inFile(folder, whenMissing));
      }
      return this;
    }
    try (Stream<Path> listed = Files.list(folder)) {
      listed
          .sorted()
          .forEach(
              f ->
                  byLowerName
                      .computeIfAbsent(
                          f.getFileName().toString().toLowerCase(Locale.ROOT),
                          k -> new ArrayList<>())
                      .add(f));
    } catch (IOException e) {
      problems.error(Problem.inFile(folder, "cannot be listed: " + e.getMessage()));
    }
    return this;
  }

  /** The files of that name, in any case: none, one, or several that differ only in case. */
  List<Path> find(String name) {
    return byLowerName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The file's JSON when it is usable; empty, with its problems recorded once, otherwise. */
  Optional<String> json(Path file, Problems problems) {
    return read.computeIfAbsent(file, f -> readAndCheck(f, problems));
  }

  private Optional<String> readAndCheck(Path file, Problems problems) {
    String json = files.read(file, cap, "file not found", problems);
    if (json == null) {
      return Optional.empty();
    }
    List<Finding> findings = check.apply(json);
    if (contentsUnread) {
      findings.forEach(f -> problems.warning(Problem.at(file, f.line(), f.message())));
      return Optional.of(json);
    }
    findings.forEach(f -> problems.error(Problem.at(file, f.line(), f.message())));
    return findings.isEmpty() ? Optional.of(json) : Optional.empty();
  }
}
