package dev.ossecaws.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams the records of one CloudTrail log file, {@code {"Records":[...]}}, gzipped or not (told
 * apart by the gzip magic bytes), one record at a time so a file of any size reads in little memory.
 *
 * <p>A file that is not such a document (a truncated or corrupt gzip, invalid JSON, no {@code
 * Records} array, a record that is not an object, content after the document) throws {@link
 * CloudTrailFormatException} with the plain reason and where the reader stopped; the whole file,
 * trailer included, is checked before {@link #next()} returns null, so a caller that reads to the
 * end has seen a complete file. Other failures of the input (a network error) pass through as
 * they are.
 */
public final class RecordReader implements Closeable {
  /**
   * The parsers' factory, a plain one: its parsers are those of {@link Trees#JSON} (an ObjectMapper
   * sets no parser feature of its own), and reading lines needs no ObjectMapper, whose start-up is
   * a good part of a short flatten's.
   */
  private static final JsonFactory PARSERS = new JsonFactory();

  private final InputStream in;
  private final JsonParser parser;
  private long recordsRead;
  private boolean done;

  private RecordReader(InputStream in) throws IOException {
    this.in = in;
    this.parser = PARSERS.createParser(in);
    try {
      seekRecords();
    } catch (IOException e) {
      close();
      throw plain(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Reads from {@code in}, which is gunzipped if it starts with gzip's magic bytes; closes it on close. */
  public static RecordReader open(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    if (first != 0x1f || second != 0x8b) return new RecordReader(buffered);
    GZIPInputStream gunzipped;
    try {
      gunzipped = new GZIPInputStream(buffered, 1 << 16);
    } catch (ZipException e) {
      buffered.close();
      throw CloudTrailFormatException.notGzip(); // the magic bytes, then no gzip header
    } catch (EOFException e) {
      buffered.close();
      throw CloudTrailFormatException.truncatedGzip();
    }
    return new RecordReader(gunzipped);
  }

  /** The next record, or null after the last one (once the rest of the file has been checked). */
  public ObjectNode next() throws IOException {
    try {
      if (!atNextRecord()) return null;
      ObjectNode record = Trees.JSON.readTree(parser);
      recordsRead++;
      return record;
    } catch (IOException e) {
      throw plain(e);
    }
  }

  /**
   * Reads the next record as {@code line}'s line, the one {@link RecordLine} gives its tree, without
   * the tree; false after the last record (once the rest of the file has been checked).
   */
  boolean next(LineWriter line) throws IOException {
    try {
      if (!atNextRecord()) return false;
      line.read(parser);
      recordsRead++;
      return true;
    } catch (IOException e) {
      throw plain(e);
    }
  }

  /** How many records have been read. */
  public long recordsRead() {
    return recordsRead;
  }

  @Override
  public void close() throws IOException {
    try {
      parser.close();
    } finally {
      in.close();
    }
  }

  /** Moves to the first record, skipping any other top-level fields before {@code Records}. */
  private void seekRecords() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) throw CloudTrailFormatException.emptyFile();
    if (first != JsonToken.START_OBJECT) throw CloudTrailFormatException.notAnObject(kind(first));
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      boolean records = parser.currentName().equals("Records");
      JsonToken value = parser.nextToken();
      if (records && value == JsonToken.START_ARRAY) return;
      if (records) throw CloudTrailFormatException.recordsNotAnArray(kind(value));
      parser.skipChildren();
    }
    throw CloudTrailFormatException.noRecords();
  }

  /** Moves to the next record's start; false after the last one, once the rest of the file is checked. */
  private boolean atNextRecord() throws IOException {
    if (done) return false;
    JsonToken token = parser.nextToken();
    if (token == JsonToken.END_ARRAY) {
      finish();
      return false;
    }
    if (token != JsonToken.START_OBJECT) {
      throw CloudTrailFormatException.recordNotAnObject(recordsRead + 1, kind(token));
    }
    return true;
  }

  /** Reads past the Records array to the end of input, so a truncated end is noticed now. */
  private void finish() throws IOException {
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      parser.nextToken();
      parser.skipChildren();
    }
    // The parser refuses anything but the object's end here: the document is complete.
    JsonToken trailing;
    try {
      trailing = parser.nextToken();
    } catch (JsonProcessingException e) {
      throw CloudTrailFormatException.contentAfterDocument(lineOf(e), columnOf(e));
    }
    if (trailing != null) {
      JsonLocation at = parser.currentTokenLocation();
      throw CloudTrailFormatException.contentAfterDocument(at.getLineNr(), at.getColumnNr());
    }
    done = true;
  }

  /** The reason in the user's words for a failure of the gzip or JSON layer; others as they are. */
  private IOException plain(IOException e) {
    if (e instanceof CloudTrailFormatException) return e;
    if (e instanceof EOFException) return CloudTrailFormatException.truncatedGzip();
    if (e instanceof ZipException) return CloudTrailFormatException.corruptGzip();
    if (!(e instanceof JsonProcessingException json)) return e;
    int line = lineOf(json);
    int column = columnOf(json);
    if (json instanceof StreamConstraintsException) return CloudTrailFormatException.valueTooLarge(line, column);
    if (json instanceof JsonEOFException) return CloudTrailFormatException.truncatedJson(line, column);
    // Jackson tells bad UTF-8 apart only in its message (UTF8StreamJsonParser._reportInvalid*).
    if (json instanceof JsonParseException && String.valueOf(json.getOriginalMessage()).startsWith("Invalid UTF-8")) {
      return CloudTrailFormatException.invalidUtf8(line, column);
    }
    return CloudTrailFormatException.invalidJson(line, column);
  }

  private int lineOf(JsonProcessingException e) {
    return (e.getLocation() != null ? e.getLocation() : parser.currentLocation()).getLineNr();
  }

  private int columnOf(JsonProcessingException e) {
    return (e.getLocation() != null ? e.getLocation() : parser.currentLocation()).getColumnNr();
  }

  /** The reader of {@link #next()}'s trees, made when a tree is first read. */
  private static final class Trees {
    static final ObjectMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .build();
  }

  /** What a value starting with {@code token} is, in words. */
  private static String kind(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "an unexpected token";
    };
  }
}
