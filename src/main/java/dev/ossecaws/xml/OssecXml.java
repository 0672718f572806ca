package dev.ossecaws.xml;

import java.nio.file.Path;
import org.dom4j.Document;
import org.dom4j.Element;

/**
 * Reads files written in OSSEC's XML dialect (spec/xml.md) into dom4j documents.
 *
 * <p>The returned document's root is a synthetic element named {@value #ROOT} whose children are
 * the file's top-level elements, so that jaxen XPath works on the whole file. Text and attribute
 * values are byte strings: each byte of the file is one {@code char} (ISO-8859-1), exactly as
 * OSSEC sees them; entities are never decoded and DTDs are never read.
 */
public final class OssecXml {
  public static final String ROOT = "ossec_root";

  private OssecXml() {}

  /** Reads {@code file}; errors name the file as given and the line. */
  public static Document read(Path file) throws XmlException {
    throw new UnsupportedOperationException("OssecXml.read: being written (issue 2)");
  }

  /** Reads {@code content}, naming it {@code fileName} in errors. */
  public static Document read(String fileName, byte[] content) throws XmlException {
    throw new UnsupportedOperationException("OssecXml.read: being written (issue 2)");
  }

  /**
   * Applies and removes the {@code <var>} definitions of a rules or decoder file (spec/xml.md §3).
   */
  public static void substituteVariables(Document document) throws XmlException {
    throw new UnsupportedOperationException("OssecXml.substituteVariables: being written (issue 2)");
  }

  /** The 1-based line on which {@code element} starts in its file. */
  public static int line(Element element) {
    throw new UnsupportedOperationException("OssecXml.line: being written (issue 2)");
  }
}
