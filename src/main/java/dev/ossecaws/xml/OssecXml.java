package dev.ossecaws.xml;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 *
 * <p>An element's text is its OSSEC content: verbatim, and for an element with children only the
 * text after its last child. Element and attribute names are exactly as written, even when they
 * are not XML names.
 */
public final class OssecXml {
  public static final String ROOT = "ossec_root";

  private OssecXml() {}

  /** Reads {@code file}; errors name the file as given and the line. */
  public static Document read(Path file) throws XmlException {
    return read(file.toString(), file);
  }

  /**
   * Reads {@code file}, naming it {@code fileName} in errors: OSSEC names files as configured
   * ({@code etc/decoder.xml}), relative to its home.
   */
  public static Document read(String fileName, Path file) throws XmlException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new XmlException(fileName, 1, "XMLERR: File '" + fileName + "' not found.");
    } catch (IOException e) {
      throw new XmlException(fileName, 1, "XMLERR: File '" + fileName + "' not readable: " + e.getMessage());
    }
    return read(fileName, content);
  }

  /** Reads {@code content}, naming it {@code fileName} in errors. */
  public static Document read(String fileName, byte[] content) throws XmlException {
    return DialectReader.read(fileName, new String(content, ISO_8859_1));
  }

  /**
   * Applies and removes the {@code <var>} definitions of a rules or decoder file (spec/xml.md §3).
   * Errors name the file the document was read from and carry OSSEC's messages.
   */
  public static void substituteVariables(Document document) throws XmlException {
    Variables.apply(document);
  }

  /** The 1-based line on which {@code element} starts in its file. */
  public static int line(Element element) {
    if (!(element instanceof LineElement)) {
      throw new IllegalArgumentException("not read by OssecXml: " + element.getName());
    }
    return ((LineElement) element).line();
  }
}
