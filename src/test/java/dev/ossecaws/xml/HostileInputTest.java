package dev.ossecaws.xml;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dom4j.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileInputTest {
  @TempDir Path dir;

  static Document read(String xml) throws XmlException {
    return OssecXml.read("h.xml", xml.getBytes(ISO_8859_1));
  }

  @Test
  void anExternalEntityIsNeverRead() throws IOException, XmlException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "SECRET");
    String doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [\n<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n";
    XmlException e = assertThrows(XmlException.class, () -> read(doctype + "<foo>&xxe;</foo>\n"));
    assertEquals("XMLERR: Comment not closed.", e.detail());
    assertEquals(6, e.line());
    Document closed = read(doctype + "<!-- -->\n<foo>&xxe;</foo>\n");
    assertEquals("&xxe;", closed.getRootElement().element("foo").getText());
  }

  @Test
  void billionLaughsStaysLiteralAndFast() {
    StringBuilder xml = new StringBuilder("<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      xml.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    xml.append("]> -->\n<lolz>&lol9;</lolz>\n");
    Document document = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read(xml.toString()));
    assertEquals("&lol9;", document.getRootElement().element("lolz").getText());
  }

  @Test
  void anUnterminatedElementNamesFileAndLine() throws IOException {
    Path file = dir.resolve("broken.xml");
    Files.writeString(file, "<group name=\"g\">\n  <rule id=\"1\">\n    <match>x</match>\n");
    XmlException e = assertThrows(XmlException.class, () -> OssecXml.read("rules/broken.xml", file));
    assertEquals("rules/broken.xml:4: XMLERR: End of file and some elements were not closed.", e.getMessage());
  }

  @Test
  void aMissingFileIsOssecsNotFound() {
    XmlException e = assertThrows(XmlException.class,
        () -> OssecXml.read("etc/decoder.xml", dir.resolve("nothing.xml")));
    assertEquals("XMLERR: File 'etc/decoder.xml' not found.", e.detail());
    assertEquals(1, e.line());
  }

  @Test
  void nulBytesAreOrdinaryBytes() throws XmlException {
    Document document = OssecXml.read("h.xml", new byte[] {0, '<', 'a', '>', 0, 'x', 0, '<', '/', 'a', '>', 0});
    assertEquals("\0x\0", document.getRootElement().element("a").getText());
  }

  @Test
  void aMebibyteOfTextIsAStringOverflowAtItsLine() {
    String xml = "<a>\n<b>" + "x".repeat(1 << 20) + "</b></a>";
    XmlException e = assertThrows(XmlException.class, () -> read(xml));
    assertEquals("XMLERR: String overflow.", e.detail());
    assertEquals(2, e.line());
  }

  @Test
  void aMebibyteOfGarbageBetweenElementsIsIgnored() throws XmlException {
    assertEquals(2, read("<a/>" + "x".repeat(1 << 20) + "<b/>").getRootElement().elements().size());
  }

  @Test
  void anEmptyFileHasNoElements() throws XmlException {
    assertTrue(read("").getRootElement().elements().isEmpty());
    assertTrue(OssecXml.read("h.xml", new byte[0]).getRootElement().elements().isEmpty());
  }
}
