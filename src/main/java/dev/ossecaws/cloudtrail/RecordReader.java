package dev.ossecaws.cloudtrail;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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
 * CloudTrailFormatException} naming what is wrong; the whole file, trailer included, is checked
 * before {@link #next()} returns null, so a caller that reads to the end has seen a complete file.
 */
public final class RecordReader implements Closeable {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private final InputStream in;
  private final JsonParser parser;
  private long recordsRead;
  private boolean done;

  private RecordReader(InputStream in) throws IOException {
    this.in = in;
    this.parser = JSON.createParser(in);
    try {
      if (firstToken() != JsonToken.START_OBJECT) throw format("not a JSON object");
      seekRecords();
    } catch (IOException | RuntimeException e) {
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
    boolean gzip = first == 0x1f && second == 0x8b;
    try {
      return new RecordReader(gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered);
    } catch (ZipException | EOFException e) {
      buffered.close();
      throw gzipFailure(e);
    }
  }

  /** The next record, or null after the last one (once the rest of the file has been checked). */
  public ObjectNode next() throws IOException {
    if (done) return null;
    try {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY) {
        finish();
        return null;
      }
      if (token != JsonToken.START_OBJECT) {
        throw format("record " + (recordsRead + 1) + " is not a JSON object but " + describe(token));
      }
      recordsRead++;
      return parser.readValueAsTree();
    } catch (JsonProcessingException e) {
      throw invalidJson(e);
    } catch (ZipException | EOFException e) {
      throw gzipFailure(e);
    }
  }

  /** How many records {@link #next()} has returned. */
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

  /** The document's first token; text that is no JSON at all is a format error too. */
  private JsonToken firstToken() throws IOException {
    try {
      return parser.nextToken();
    } catch (JsonProcessingException e) {
      throw invalidJson(e);
    }
  }

  /** Moves to the first record, skipping any other top-level fields before {@code Records}. */
  private void seekRecords() throws IOException {
    try {
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        boolean records = parser.currentName().equals("Records");
        JsonToken value = parser.nextToken();
        if (records && value == JsonToken.START_ARRAY) return;
        if (records) throw format("\"Records\" is not an array but " + describe(value));
        parser.skipChildren();
      }
      throw format("no \"Records\" array");
    } catch (JsonProcessingException e) {
      throw invalidJson(e);
    }
  }

  /** Reads past the Records array to the end of input, so a truncated end is noticed now. */
  private void finish() throws IOException {
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      parser.nextToken();
      parser.skipChildren();
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) throw format("unexpected " + describe(parser.currentToken()));
    JsonToken trailing = parser.nextToken();
    if (trailing != null) throw format("content after the end of the document: " + describe(trailing));
    done = true;
  }

  private static CloudTrailFormatException gzipFailure(IOException e) {
    return new CloudTrailFormatException("truncated or corrupt gzip" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  private CloudTrailFormatException invalidJson(JsonProcessingException e) {
    JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    String message = e.getOriginalMessage();
    int startMarker = message.indexOf(" (start marker at");
    // Jackson's own nested location is noise next to ours.
    return at("invalid JSON: " + (startMarker < 0 ? message : message.substring(0, startMarker)), location);
  }

  /** A failure at the current token. */
  private CloudTrailFormatException format(String message) {
    return at(message, parser.currentTokenLocation());
  }

  private static CloudTrailFormatException at(String message, JsonLocation location) {
    return new CloudTrailFormatException(
        message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
  }

  private static String describe(JsonToken token) {
    return token == null ? "the end of the file" : token.asString() != null ? "'" + token.asString() + "'" : token.name();
  }
}
