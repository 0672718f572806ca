package dev.ossecaws.xml;

/** A file in OSSEC's XML dialect that cannot be read, with the file and line at fault. */
public final class XmlException extends Exception {
  private final String file;
  private final int line;
  private final String detail;

  public XmlException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
    this.file = file;
    this.line = line;
    this.detail = message;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** The message alone, e.g. OSSEC's {@code XMLERR: Comment not closed.}, for OSSEC's own error lines. */
  public String detail() {
    return detail;
  }
}
