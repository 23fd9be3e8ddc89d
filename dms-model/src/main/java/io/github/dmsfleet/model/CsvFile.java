package io.github.dmsfleet.model;

import io.github.dmsfleet.rules.SourceEngine;
import io.github.dmsfleet.rules.Suggestions;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * Header names are matched in any case.
 */
final class CsvFile {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

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

  /** The usable rows; a row with too many fields is reported and left out. */
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
  static CsvFile read(Path file, List<String> required, Set<String> optional, Problems problems) {
    String text;
    try {
      text = decode(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      problems.error(
          Problem.inFile(
              file,
              "file not found; create it with the header '" + String.join(",", required) + "'"));
      return null;
    } catch (CharacterCodingException e) {
      problems.error(Problem.inFile(file, "is not UTF-8 text; save it as UTF-8"));
      return null;
    } catch (IOException e) {
      problems.error(Problem.inFile(file, "cannot be read: " + e.getMessage()));
      return null;
    }
    return parse(file, text, required, optional, problems);
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
  }

  private static CsvFile parse(
      Path file, String text, List<String> required, Set<String> optional, Problems problems) {
    LineIndex lines = new LineIndex(text);
    List<CSVRecord> records;
    try (CSVParser parser =
        CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
      records = parser.getRecords();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
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
              file, "is empty; it needs the header '" + String.join(",", required) + "'"));
      return null;
    }
    CSVRecord headerRecord = nonBlank.get(0);
    List<String> header =
        headerRecord.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int headerLine = lines.lineOf(headerRecord.getCharacterPosition());
    if (!checkHeader(file, headerLine, header, required, optional, problems)) {
      return null;
    }
    List<Row> rows = new ArrayList<>();
    for (CSVRecord record : nonBlank.subList(1, nonBlank.size())) {
      int line = lines.lineOf(record.getCharacterPosition());
      if (record.size() > header.size()) {
        problems.error(
            Problem.at(
                file,
                line,
                "has "
                    + record.size()
                    + " fields but the header has "
                    + header.size()
                    + "; quote a value that contains a comma"));
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < record.size(); i++) {
        fields.put(header.get(i), record.get(i));
      }
      rows.add(new Row(line, fields));
    }
    return new CsvFile(rows, nonBlank.size() == 1);
  }

  private static boolean checkHeader(
      Path file,
      int line,
      List<String> header,
      List<String> required,
      Set<String> optional,
      Problems problems) {
    boolean usable = true;
    List<String> known = new ArrayList<>(required);
    known.addAll(optional);
    for (String column : required) {
      if (!header.contains(column)) {
        problems.error(
            Problem.at(
                file,
                line,
                "the header lacks the column '"
                    + column
                    + "'; the header must hold "
                    + String.join(",", required)));
        usable = false;
      }
    }
    List<String> seen = new ArrayList<>();
    for (String column : header) {
      if (seen.contains(column)) {
        problems.error(
            Problem.at(
                file, line, "the header names the column '" + column + "' twice; remove one"));
        usable = false;
      } else if (!known.contains(column)) {
        problems.error(
            Problem.at(
                file,
                line,
                "unknown column '" + column + "'; " + Suggestions.didYouMean(column, known)));
        usable = false;
      }
      seen.add(column);
    }
    return usable;
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
