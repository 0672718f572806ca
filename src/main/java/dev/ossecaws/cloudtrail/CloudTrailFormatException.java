package dev.ossecaws.cloudtrail;

import java.io.IOException;

/**
 * A file that is not a readable CloudTrail log file. The message is the one plain reason, with the
 * place the reader stopped (a line and column of the JSON, or a record's number), ready to follow
 * a key or path: {@code invalid JSON at line 1, column 1}. It never holds a parser's own text.
 *
 * <p>Every reason is made here, so that each command reports a bad file in the same words.
 */
public final class CloudTrailFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private CloudTrailFormatException(String reason) {
    super(reason);
  }

  static CloudTrailFormatException emptyFile() {
    return new CloudTrailFormatException("empty file");
  }

  static CloudTrailFormatException notGzip() {
    return new CloudTrailFormatException("not gzip data");
  }

  static CloudTrailFormatException truncatedGzip() {
    return new CloudTrailFormatException("truncated gzip");
  }

  static CloudTrailFormatException corruptGzip() {
    return new CloudTrailFormatException("corrupt gzip");
  }

  static CloudTrailFormatException invalidJson(int line, int column) {
    return new CloudTrailFormatException("invalid JSON" + at(line, column));
  }

  static CloudTrailFormatException invalidUtf8(int line, int column) {
    return new CloudTrailFormatException("invalid UTF-8" + at(line, column));
  }

  static CloudTrailFormatException truncatedJson(int line, int column) {
    return new CloudTrailFormatException("truncated JSON: the file ends" + at(line, column));
  }

  /** A value beyond the parser's limits on a string's or a number's length or on nesting. */
  static CloudTrailFormatException valueTooLarge(int line, int column) {
    return new CloudTrailFormatException("value too long or too deeply nested" + at(line, column));
  }

  /** The document is a JSON {@code kind} ("an array", "a string") instead of an object. */
  static CloudTrailFormatException notAnObject(String kind) {
    return new CloudTrailFormatException("no Records array: the file holds " + kind + ", not a JSON object");
  }

  static CloudTrailFormatException noRecords() {
    return new CloudTrailFormatException("no Records array");
  }

  static CloudTrailFormatException recordsNotAnArray(String kind) {
    return new CloudTrailFormatException("Records is " + kind + ", not an array");
  }

  /** Record {@code number}, counted from 1 in the file's order, is a JSON {@code kind}. */
  static CloudTrailFormatException recordNotAnObject(long number, String kind) {
    return new CloudTrailFormatException("record " + number + " is not a JSON object but " + kind);
  }

  static CloudTrailFormatException contentAfterDocument(int line, int column) {
    return new CloudTrailFormatException("content after the JSON document" + at(line, column));
  }

  private static String at(int line, int column) {
    return " at line " + line + ", column " + column;
  }
}
