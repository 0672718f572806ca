package dev.ossecaws.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link RecordLine}'s line of a record read straight from the parser, without a tree: the same
 * line {@link RecordLine#of(com.fasterxml.jackson.databind.JsonNode, int)} gives the record's tree
 * as {@link RecordReader#next()} reads it. Building that tree and then a String per value was most
 * of flatten's time.
 *
 * <p>Each value is written once, ASCII-escaped, into one reused buffer in the order the file gives
 * it; an object whose keys came out of canonical order ({@link CanonicalOrder}) has its fields
 * moved into that order when it ends, and a key given twice keeps its last value, as in a tree.
 * Only a line over the limit is taken apart, field by field, for {@link RecordLine.Fields} to cut.
 * The parser is called as the tree's reader calls it, so a bad file fails at the same place.
 */
final class LineWriter {
  private static final int CAPACITY = 1 << 14;
  private static final int MAX_NAMES = 4096;
  private static final int MAX_NAME_LENGTH = 64;

  private final int maxBytes;
  private final AsciiBuffer line = new AsciiBuffer(CAPACITY);
  /** The written fields of every object being written, innermost last; reused from record to record. */
  private Span[] spans = new Span[64];
  private int spanCount;
  /** Each name met, as written: {@code "name":}. */
  private final Map<String, Name> names = new HashMap<>();
  /** The objects and arrays being written, innermost last; reused. */
  private Container[] containers = new Container[16];
  private int depth;
  /** An object's written fields while they are put in order. */
  private byte[] scratch = new byte[CAPACITY];

  /** @throws IllegalArgumentException if {@code maxBytes} is below {@value RecordLine#MIN_MAX_BYTES} */
  LineWriter(int maxBytes) {
    if (maxBytes < RecordLine.MIN_MAX_BYTES) {
      throw new IllegalArgumentException("maxBytes < " + RecordLine.MIN_MAX_BYTES + ": " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** Reads the record from its START_OBJECT, where {@code parser} is, through its END_OBJECT, as the line. */
  void read(JsonParser parser) throws IOException {
    line.clear(CAPACITY);
    spanCount = 0;
    // What a huge record made grow is given back: memory stays what one ordinary record needs.
    if (spans.length > 1024) spans = new Span[64];
    if (scratch.length > 4 * CAPACITY) scratch = new byte[CAPACITY];
    line.appendAscii(RecordLine.PREFIX);
    // One loop over the tokens, the open objects and arrays on a stack: the JIT compiles it faster
    // than mutually recursive methods, which it inlines into each other over and over.
    depth = 0;
    Container container = enter(true, CanonicalOrder.record());
    while (container != null) {
      JsonToken token;
      CanonicalOrder.Layout layout = container.layout;
      if (container.object) {
        String name = parser.nextFieldName();
        if (name == null) {
          container = leave();
          continue;
        }
        if (spanCount > container.base) line.append(',');
        Name written = name(name);
        if (written.layout != layout) {
          written.layout = layout;
          written.key = layout.key(name);
        }
        container.name = name;
        container.rank = written.key.rank();
        container.fieldStart = line.length();
        line.append(written.text, 0, written.text.length);
        token = parser.nextToken();
        layout = written.key.child();
      } else {
        token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
          container = leave();
          continue;
        }
        if (container.values++ > 0) line.append(',');
      }
      switch (token.id()) {
        case JsonTokenId.ID_START_OBJECT -> {
          line.append('{');
          container = enter(true, layout);
          continue;
        }
        case JsonTokenId.ID_START_ARRAY -> {
          line.append('[');
          container = enter(false, layout.element());
          continue;
        }
        case JsonTokenId.ID_STRING -> line.appendString(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        case JsonTokenId.ID_NUMBER_INT -> writeInteger(parser);
        // As a tree holds it (USE_BIG_DECIMAL_FOR_FLOATS, exact): 1e2 is 1E+2, -0.0 is 0.0, 1.50 stays.
        case JsonTokenId.ID_NUMBER_FLOAT -> line.appendAscii(parser.getDecimalValue().toString());
        case JsonTokenId.ID_TRUE -> line.appendAscii("true");
        case JsonTokenId.ID_FALSE -> line.appendAscii("false");
        case JsonTokenId.ID_NULL -> line.appendAscii("null");
        default -> throw new IllegalStateException("not a JSON value: " + token);
      }
      written(container);
    }
    if (line.length() > maxBytes) shorten();
    line.append('\n');
  }

  /** Writes the line last read, with its newline. */
  void writeTo(OutputStream out) throws IOException {
    line.writeTo(out);
  }

  /** Opens an object or array whose start is written; returns it. */
  private Container enter(boolean object, CanonicalOrder.Layout layout) {
    if (depth == containers.length) containers = Arrays.copyOf(containers, 2 * depth);
    Container container = containers[depth];
    if (container == null) container = containers[depth] = new Container();
    depth++;
    container.object = object;
    container.layout = layout;
    container.base = spanCount;
    container.start = line.length();
    container.ordered = true;
    container.values = 0;
    return container;
  }

  /**
   * Closes the innermost object or array at its end token: an object's fields put in order, its
   * spans dropped (but the record's), its end written. Returns the one it was a value of, or null.
   */
  private Container leave() {
    Container closed = containers[--depth];
    if (closed.object && !closed.ordered) reorder(closed.base, closed.start);
    if (depth == 0) return null; // the record: its fields' spans stay for shorten()
    if (closed.object) {
      spanCount = closed.base;
      line.append('}');
    } else {
      line.append(']');
    }
    Container container = containers[depth - 1];
    written(container);
    return container;
  }

  /** A value has been written in {@code container}: an object's field is complete. */
  private void written(Container container) {
    if (!container.object) return;
    Span field = push(container.name, container.rank, container.fieldStart, line.length());
    if (spanCount > container.base + 1 && compare(spans[spanCount - 2], field) >= 0) container.ordered = false;
  }

  /**
   * {@code name} as written, {@code "name":}, escaped once per name: names repeat record after
   * record, and the parser gives each as the same String. Only short names are kept, and a bounded
   * number of them.
   */
  private Name name(String name) {
    Name known = names.get(name);
    if (known != null) return known;
    AsciiBuffer escaped = new AsciiBuffer(name.length() + 3);
    escaped.appendString(name);
    escaped.append(':');
    known = new Name(escaped.toByteArray());
    if (name.length() > MAX_NAME_LENGTH) return known;
    if (names.size() == MAX_NAMES) names.clear(); // a file of ever new names
    names.put(name, known);
    return known;
  }

  /**
   * An integer as its text: JSON allows no leading zeros or plus sign, so the text is the number's
   * decimal form (what a tree's int, long or BigInteger gives back) except for -0, which is 0.
   */
  private void writeInteger(JsonParser parser) throws IOException {
    char[] text = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    if (length == 2 && text[offset] == '-' && text[offset + 1] == '0') {
      line.append('0');
    } else {
      for (int i = 0; i < length; i++) line.append(text[offset + i]);
    }
  }

  /** The written fields from {@code base} on, the last one given: its name, rank and bytes. */
  private Span push(String name, int rank, int start, int end) {
    if (spanCount == spans.length) spans = Arrays.copyOf(spans, 2 * spans.length);
    Span span = spans[spanCount];
    if (span == null) span = spans[spanCount] = new Span();
    span.name = name;
    span.rank = rank;
    span.start = start;
    span.end = end;
    spanCount++;
    return span;
  }

  /**
   * Rewrites the object's fields (from {@code base} on, written from {@code start}) in canonical
   * order, keeping only the last of a key given more than once.
   */
  private void reorder(int base, int start) {
    sort(base, spanCount); // stable: a repeated key's values stay in file order
    scratch = line.copy(start, line.length(), scratch);
    line.truncate(start);
    int kept = base;
    for (int i = base; i < spanCount; i++) {
      Span span = spans[i];
      if (i + 1 < spanCount && compare(span, spans[i + 1]) == 0) continue; // a later value of this key follows
      if (kept > base) line.append(',');
      int at = line.length();
      line.append(scratch, span.start - start, span.end - start);
      span.start = at;
      span.end = line.length();
      spans[i] = spans[kept]; // the dropped span stays in the pool
      spans[kept++] = span;
    }
    spanCount = kept;
  }

  /**
   * Sorts spans {@code [from, to)} stably: by insertion when few (objects are small and their keys
   * come in one order file after file, nearly sorted), else by merging, never quadratic.
   */
  private void sort(int from, int to) {
    if (to - from > 32) {
      Arrays.sort(spans, from, to, LineWriter::compare);
      return;
    }
    for (int i = from + 1; i < to; i++) {
      Span span = spans[i];
      int j = i;
      for (; j > from && compare(spans[j - 1], span) > 0; j--) spans[j] = spans[j - 1];
      spans[j] = span;
    }
  }

  /** The record's line is over the limit: cut as a tree's line is, from the fields as written. */
  private void shorten() {
    RecordLine.Fields fields = new RecordLine.Fields();
    for (int i = 0; i < spanCount; i++) fields.add(spans[i].name, line.substring(spans[i].start, spans[i].end));
    String shortened = fields.shortenedTo(maxBytes);
    line.truncate(0);
    line.appendAscii(shortened);
  }

  /** Canonical order: by rank, then by name (which tells apart only the undocumented keys). */
  private static int compare(Span a, Span b) {
    return a.rank != b.rank ? Integer.compare(a.rank, b.rank) : a.name.compareTo(b.name);
  }

  /** A name as written, and its key in the kind of object it was last met in (most names are met in one). */
  private static final class Name {
    final byte[] text;
    CanonicalOrder.Layout layout;
    CanonicalOrder.Key key;

    Name(byte[] text) {
      this.text = text;
    }
  }

  /** An object or array being written. */
  private static final class Container {
    boolean object;
    /** An object's layout; an array's elements'. */
    CanonicalOrder.Layout layout;
    /** Where an object's spans start in {@link LineWriter#spans}. */
    int base;
    /** Where its first field or element starts in the line. */
    int start;
    /** Whether an object's fields so far came in canonical order, each key once. */
    boolean ordered;
    /** How many values an array has. */
    int values;
    /** The field being written in an object: its name, rank and where it starts. */
    String name;
    int rank;
    int fieldStart;
  }

  /** One written field: {@code "name":value} at bytes {@code [start, end)} of the line. */
  private static final class Span {
    String name;
    int rank;
    int start;
    int end;
  }
}
