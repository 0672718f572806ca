package dev.ossecaws.xml;

import org.dom4j.Document;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;

/**
 * One pass over a file's bytes (one char per byte) following spec/xml.md §1: any number of
 * top-level elements, {@code <!} comments ending at {@code !>} or {@code -->}, verbatim contents,
 * the backslash escape for {@code <}, and OSSEC's error texts.
 */
final class DialectReader {
  static final int MAX_STRING = 8191;
  static final int MAX_DEPTH = 1024;
  private static final String BYTE_ORDER_MARK = "\u00ef\u00bb\u00bf";

  private final String file;
  private final String text;
  private int pos;
  private int lineCountedTo;
  private int line = 1;
  /** Where the next {@code !>} and {@code -->} are (-1: none left; -2: not looked for yet). */
  private int nextBang = -2;
  private int nextDashes = -2;

  private DialectReader(String file, String text) {
    this.file = file;
    this.text = text;
  }

  static Document read(String file, String text) throws XmlException {
    return new DialectReader(file, text).document();
  }

  private Document document() throws XmlException {
    Element root = new LineElement(OssecXml.ROOT, 1);
    Document document = DocumentHelper.createDocument(root);
    document.setName(file);
    if (text.startsWith(BYTE_ORDER_MARK)) pos = BYTE_ORDER_MARK.length();
    if (text.startsWith("<?xml", pos)) {
      int end = text.indexOf("?>", pos);
      if (end < 0) {
        pos = text.length();
        throw error("XMLERR: XML declaration not closed.");
      }
      pos = end + 2;
    }
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c != '<') continue;
      if (peek() == '!') {
        skipComment();
      } else if (escaped()) {
        continue;
      } else if (peek() == '/') {
        throw error("XMLERR: Element not opened.");
      } else {
        root.add(element(1));
      }
    }
    return document;
  }

  /** Reads the element whose {@code <} was just consumed. */
  private Element element(int depth) throws XmlException {
    if (depth > MAX_DEPTH) throw error("XMLERR: Max recursion level reached.");
    int startLine = lineAt(pos - 1);
    String name = name();
    if (atEnd()) throw unclosedAtEnd();
    if (text.charAt(pos) == '>' && name.endsWith("/")) {
      pos++;
      return new LineElement(name.substring(0, name.length() - 1), startLine);
    }
    LineElement element = new LineElement(name, startLine);
    if (text.charAt(pos++) != '>' && !attributes(element)) return element;
    content(element, depth);
    return element;
  }

  private String name() throws XmlException {
    int start = pos;
    while (pos < text.length() && !isSpace(text.charAt(pos)) && text.charAt(pos) != '>') {
      if (pos - start == MAX_STRING) throw error("XMLERR: String overflow.");
      pos++;
    }
    return text.substring(start, pos);
  }

  /** Reads the attribute list; false when it ended with {@code /} (the element is closed). */
  private boolean attributes(Element element) throws XmlException {
    while (true) {
      skipSpaces();
      if (atEnd()) throw error("XMLERR: End of file while reading an attribute.");
      char c = text.charAt(pos);
      if (c == '>') {
        pos++;
        return true;
      }
      if (c == '/') {
        pos++;
        return false;
      }
      String name = attributeName();
      skipSpaces();
      if (atEnd()) throw error("XMLERR: End of file while reading an attribute.");
      char quote = text.charAt(pos++);
      if (quote != '"' && quote != '\'') {
        throw error("XMLERR: Attribute '" + name + "' not followed by a \" or '.");
      }
      String value = attributeValue(name, quote);
      if (element.attribute(name) != null) {
        throw error("XMLERR: Attribute '" + name + "' already defined.");
      }
      element.add(new RawAttribute(name, value));
      if (atEnd()) throw error("XMLERR: End of file while reading an attribute.");
      c = text.charAt(pos);
      if (!isSpace(c) && c != '>' && c != '/') {
        throw error("XMLERR: Bad attribute closing for '" + name + "'='" + value + "'.");
      }
    }
  }

  private String attributeName() throws XmlException {
    int start = pos;
    while (true) {
      if (atEnd()) throw error("XMLERR: End of file while reading an attribute.");
      char c = text.charAt(pos);
      if (c == '=') break;
      if (isSpace(c) || c == '>' || c == '/') {
        throw error("XMLERR: Attribute '" + text.substring(start, pos) + "' has no value.");
      }
      if (pos - start == MAX_STRING) throw overflowAt(text.substring(start, pos));
      pos++;
    }
    String name = text.substring(start, pos);
    pos++;
    return name;
  }

  private String attributeValue(String name, char quote) throws XmlException {
    int start = pos;
    while (true) {
      if (atEnd()) throw error("XMLERR: End of file while reading an attribute.");
      char c = text.charAt(pos);
      if (c == quote) break;
      if (c == '>') throw error("XMLERR: Attribute '" + name + "' not closed.");
      if (pos - start == MAX_STRING) throw overflowAt(text.substring(start, pos));
      pos++;
    }
    String value = text.substring(start, pos);
    pos++;
    return value;
  }

  /** Reads content, comments and children up to the closing tag; content restarts after a child. */
  private void content(LineElement element, int depth) throws XmlException {
    StringBuilder content = new StringBuilder();
    while (true) {
      if (atEnd()) throw unclosedAtEnd();
      char c = text.charAt(pos++);
      if (c != '<') {
        append(content, c);
      } else if (peek() == '!') {
        skipComment();
      } else if (escaped()) {
        append(content, c);
      } else if (peek() == '/') {
        pos++;
        closingTag(element.getName());
        if (content.length() > 0) element.addText(content.toString());
        return;
      } else {
        element.add(element(depth + 1));
        content.setLength(0);
      }
    }
  }

  private void append(StringBuilder content, char c) throws XmlException {
    if (content.length() == MAX_STRING) throw error("XMLERR: String overflow.");
    content.append(c);
  }

  private void closingTag(String openName) throws XmlException {
    int start = pos;
    while (true) {
      if (atEnd()) throw unclosedAtEnd();
      if (text.charAt(pos) == '>') break;
      if (pos - start == MAX_STRING) throw error("XMLERR: String overflow.");
      pos++;
    }
    boolean matches = text.regionMatches(start, openName, 0, pos - start)
        && pos - start == openName.length();
    if (!matches) throw error("XMLERR: Element '" + openName + "' not closed.");
    pos++;
  }

  /** Skips a comment whose {@code <} was just consumed, up to the first {@code !>} or {@code -->}. */
  private void skipComment() throws XmlException {
    pos++;
    int bang = nextBang = next("!>", nextBang);
    int dashes = nextDashes = next("-->", nextDashes);
    if (bang < 0 && dashes < 0) {
      pos = text.length();
      throw error("XMLERR: Comment not closed.");
    }
    if (dashes < 0 || (bang >= 0 && bang < dashes)) {
      pos = bang + 2;
    } else {
      pos = dashes + 3;
    }
  }

  /**
   * The first {@code marker} at or after {@link #pos}, reusing {@code known} (the last answer) while
   * it is still ahead: a file without {@code !>} would otherwise be scanned to its end once per comment.
   */
  private int next(String marker, int known) {
    if (known == -1 || known >= pos) return known;
    return text.indexOf(marker, pos);
  }

  /** Whether the {@code <} just consumed follows a backslash. */
  private boolean escaped() {
    return pos >= 2 && text.charAt(pos - 2) == '\\';
  }

  private char peek() {
    return atEnd() ? 0 : text.charAt(pos);
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private void skipSpaces() {
    while (pos < text.length() && isSpace(text.charAt(pos))) pos++;
  }

  /** C's isspace in the C locale. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private XmlException overflowAt(String attribute) {
    return error("XMLERR: Overflow attempt at attribute '" + attribute.substring(0, 20) + "'.");
  }

  private XmlException unclosedAtEnd() {
    return error("XMLERR: End of file and some elements were not closed.");
  }

  private XmlException error(String message) {
    return new XmlException(file, lineAt(Math.min(pos, text.length())), message);
  }

  /** 1 + the newlines before {@code position}; positions only grow, so counting is incremental. */
  private int lineAt(int position) {
    for (; lineCountedTo < position; lineCountedTo++) {
      if (text.charAt(lineCountedTo) == '\n') line++;
    }
    return line;
  }
}
