package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.Suggestions;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV config file read whole: a header and rows that know their line. Accepts a UTF-8 byte-order
 * mark, CRLF or LF, blank lines and quoted fields (commas, quotes and newlines inside quotes).
 * Header names are matched in any case. A field may hold no control character, except in the
 * format's verbatim columns.
 */
final class CsvFile {
  /**
   * What a file's header holds and how strictly its rows are read.
   *
   * @param required the columns the header must have
   * @param optional the columns it may have
   * @param secret whether the file holds secrets: every row must have every column, and no message
   *     quotes anything from the file, not even a header name (a file without its header would show
   *     its first row)
   * @param verbatim columns kept exactly as written, control characters included
   */
  record Format(List<String> required, Set<String> optional, boolean secret, Set<String> verbatim) {
    /** A config file: rows may leave out trailing optional columns. */
    static Format config(List<String> required, Set<String> optional) {
      return new Format(required, optional, false, Set.of());
    }

    /** A file of secrets with exactly these columns. */
    static Format secret(List<String> columns, Set<String> verbatim) {
      return new Format(columns, Set.of(), true, verbatim);
    }
  }

  /**
   * One data row; {@code line} is where it starts, so a quoted newline does not shift later rows'
   * lines.
   */
  record Row(int line, Map<String, String> fields) {
    /** The raw field, not trimmed; empty when the row lacks the column. */
    String raw(String column) {
      return fields.getOrDefault(column, "");
    }

    /** The field with surrounding white space removed, as names are compared. */
    String trimmed(String column) {
      return raw(column).strip();
    }

    /** Whether the row gives the column a value. */
    boolean has(String column) {
      return !trimmed(column).isEmpty();
    }

    /**
     * The engine the {@code engine} column names, or {@code fallback} when it is blank; null, with
     * the problem recorded, when it names no engine.
     */
    SourceEngine engine(Path file, SourceEngine fallback, Problems problems) {
      String value = trimmed("engine");
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        return SourceEngine.fromValue(value);
      } catch (IllegalArgumentException e) {
        problems.error(Problem.at(file, line, "'engine': " + e.getMessage()));
        return null;
      }
    }
  }

  private final List<Row> rows;
  private final boolean headerOnly;

  private CsvFile(List<Row> rows, boolean headerOnly) {
    this.rows = rows;
    this.headerOnly = headerOnly;
  }

  /** The usable rows; a row with the wrong number of fields or a control character is left out. */
  List<Row> rows() {
    return rows;
  }

  /** Whether the file has a header and nothing else. */
  boolean headerOnly() {
    return headerOnly;
  }

  /**
   * Reads the file, checking that its header has every required column and no unknown one. Returns
   * null and records the problem when the file cannot be used at all.
   */
  static CsvFile read(ConfigFiles files, Path file, int cap, Format format, Problems problems) {
    String header = String.join(",", format.required());
    String text =
        files.read(
            file, cap, "file not found; create it with the header '" + header + "'", problems);
    return text == null ? null : parse(file, text, format, problems);
  }

  private static CsvFile parse(Path file, String text, Format format, Problems problems) {
    LineIndex lines = new LineIndex(text);
    List<CSVRecord> records;
    try (CSVParser parser =
        CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
      records = parser.getRecords();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // The parser's messages give a line and a position, never a field.
      problems.error(
          Problem.inFile(
              file,
              "is not valid CSV ("
                  + e.getMessage()
                  + "); check for a quote that is opened and never closed"));
      return null;
    }
    List<CSVRecord> nonBlank = records.stream().filter(r -> !isBlank(r)).toList();
    if (nonBlank.isEmpty()) {
      problems.error(
          Problem.inFile(
              file, "is empty; it needs the header '" + String.join(",", format.required()) + "'"));
      return null;
    }
    CSVRecord headerRecord = nonBlank.get(0);
    List<String> header =
        headerRecord.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int headerLine = lines.lineOf(headerRecord.getCharacterPosition());
    if (!new Header(file, headerLine, format, problems).check(header)) {
      return null;
    }
    List<Row> rows = new ArrayList<>();
    for (CSVRecord record : nonBlank.subList(1, nonBlank.size())) {
      int line = lines.lineOf(record.getCharacterPosition());
      Row row = row(file, line, header, record, format, problems);
      if (row != null) {
        rows.add(row);
      }
    }
    return new CsvFile(rows, nonBlank.size() == 1);
  }

  private static Row row(
      Path file,
      int line,
      List<String> header,
      CSVRecord record,
      Format format,
      Problems problems) {
    boolean tooMany = record.size() > header.size();
    if (tooMany || (format.secret() && record.size() < header.size())) {
      problems.error(
          Problem.at(
              file,
              line,
              "has "
                  + record.size()
                  + " fields but the header has "
                  + header.size()
                  + (tooMany
                      ? "; quote a value that contains a comma"
                      : "; give every column, empty where a default applies, and quote a value"
                          + " that contains a comma")));
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    boolean usable = true;
    for (int i = 0; i < record.size(); i++) {
      String column = header.get(i);
      String value = record.get(i);
      int control = format.verbatim().contains(column) ? -1 : controlCharacter(value.strip());
      if (control >= 0) {
        problems.error(
            Problem.at(
                file,
                line,
                "'"
                    + column
                    + "' holds the control character U+"
                    + String.format(Locale.ROOT, "%04X", control)
                    + "; remove it"));
        usable = false;
      }
      fields.put(column, value);
    }
    return usable ? new Row(line, fields) : null;
  }

  /**
   * The first control or invisible formatting character (such as a bidirectional override, which
   * makes text read differently than it is), or -1.
   */
  private static int controlCharacter(String value) {
    return value
        .codePoints()
        .filter(
            c ->
                Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT)
        .findFirst()
        .orElse(-1);
  }

  /** Checks a header against the format, naming columns only where the file may be quoted. */
  private record Header(Path file, int line, Format format, Problems problems) {
    boolean check(List<String> header) {
      boolean usable = true;
      List<String> known = new ArrayList<>(format.required());
      known.addAll(format.optional());
      for (String column : format.required()) {
        if (!header.contains(column)) {
          error(
              "the header lacks the column '"
                  + column
                  + "'; the header must hold "
                  + String.join(",", format.required()));
          usable = false;
        }
      }
      for (int i = 0; i < header.size(); i++) {
        String column = header.get(i);
        int first = header.indexOf(column);
        if (first < i) {
          error(
              format.secret()
                  ? "the header's column "
                      + (i + 1)
                      + " repeats column "
                      + (first + 1)
                      + "; name each column once"
                  : "the header names the column '" + column + "' twice; remove one");
          usable = false;
        } else if (!known.contains(column)) {
          error(
              format.secret()
                  ? "the header's column "
                      + (i + 1)
                      + " is not one of "
                      + String.join(",", known)
                      + "; the first line must be the header"
                  : "unknown column '" + column + "'; " + Suggestions.didYouMean(column, known));
          usable = false;
        }
      }
      return usable;
    }

    private void error(String message) {
      problems.error(Problem.at(file, line, message));
    }
  }

  private static boolean isBlank(CSVRecord record) {
    return record.stream().allMatch(String::isBlank);
  }

  /** Maps a record's character offset to the 1-based line it starts on. */
  private static final class LineIndex {
    private final String text;
    private final int[] lineStarts;

    LineIndex(String text) {
      this.text = text;
      List<Integer> starts = new ArrayList<>(List.of(0));
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineOf(long recordPosition) {
      // The parser's position can stand before the blank lines it skipped to reach the record.
      int offset = (int) recordPosition;
      while (offset < text.length()
          && (text.charAt(offset) == '\r' || text.charAt(offset) == '\n')) {
        offset++;
      }
      int index = Arrays.binarySearch(lineStarts, offset);
      return index >= 0 ? index + 1 : -index - 1;
    }
  }
}
