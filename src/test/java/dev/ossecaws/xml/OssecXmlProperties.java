package dev.ossecaws.xml;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dom4j.Document;
import org.dom4j.Element;

/** Any bytes at all either read or fail with file and line: nothing else escapes. */
class OssecXmlProperties {
  @Property(tries = 300)
  void anyInputReadsOrFailsWithALine(@ForAll("xmlish") String text) {
    try {
      Document document = OssecXml.read("p.xml", text.getBytes(ISO_8859_1));
      OssecXml.substituteVariables(document);
      for (Element top : document.getRootElement().elements()) assertTrue(OssecXml.line(top) >= 1);
    } catch (XmlException e) {
      assertEquals("p.xml", e.file());
      assertTrue(e.line() >= 1 && e.line() <= 1 + newlines(text), e.getMessage());
    }
  }

  @Property(tries = 200)
  void elementsAndContentsComeBackAsWritten(
      @ForAll("names") String name, @ForAll("contents") String content) throws XmlException {
    Document document = OssecXml.read("p.xml", ("x<" + name + ">" + content + "</" + name + ">y").getBytes(ISO_8859_1));
    Element element = document.getRootElement().elements().get(0);
    assertEquals(name, element.getName());
    assertEquals(content, element.getText());
  }

  @Provide
  Arbitrary<String> xmlish() {
    return Arbitraries.strings().withChars("<>/!-=\"' \\\n\t?$.avr&;\u0000\u00e9").ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("abc:.?_-\u00e9$&\"'=!").ofMinLength(1).ofMaxLength(20)
        .filter(n -> !n.endsWith("/") && n.charAt(0) != '!' && n.charAt(0) != '/');
  }

  @Provide
  Arbitrary<String> contents() {
    // A backslash before the closing tag's '<' would escape it (spec/xml.md §1.5).
    return Arbitraries.strings().withChars("ab &;\"'>=/\\\n\u0000\u00ff").ofMaxLength(100)
        .filter(c -> !c.endsWith("\\"));
  }

  private static int newlines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }
}
