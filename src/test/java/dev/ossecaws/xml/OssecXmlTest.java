package dev.ossecaws.xml;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

class OssecXmlTest {
  static Document read(String xml) throws XmlException {
    return OssecXml.read("t.xml", xml.getBytes(ISO_8859_1));
  }

  static List<Element> top(String xml) throws XmlException {
    return read(xml).getRootElement().elements();
  }

  static String names(List<Element> elements) {
    return elements.stream().map(Element::getName).collect(Collectors.joining(","));
  }

  static XmlException failure(String xml) {
    return assertThrows(XmlException.class, () -> read(xml));
  }

  static void assertFails(String xml, int line, String message) {
    XmlException e = failure(xml);
    assertEquals(message, e.detail());
    assertEquals(line, e.line(), "line");
    assertEquals("t.xml", e.file());
    assertEquals("t.xml:" + line + ": " + message, e.getMessage());
  }

  @Test
  void severalTopLevelElementsAndTheGarbageBetweenThemIsDropped() throws XmlException {
    List<Element> top = top("junk <a>1</a> more junk\n<b>2</b>trailing");
    assertEquals("a,b", names(top));
    assertEquals("1", top.get(0).getText());
    assertEquals(OssecXml.ROOT, read("<a/>").getRootElement().getName());
  }

  @Test
  void byteOrderMarkAndXmlDeclarationAreSkipped() throws XmlException {
    assertEquals("a", names(top("\u00ef\u00bb\u00bf<?xml version=\"1.0\"?><a/>")));
    assertEquals("a", names(top("<?xml version=\"1.0\" <b>?><a/>")));
    assertFails("<?xml version=\"1.0\"\n<a/>", 2, "XMLERR: XML declaration not closed.");
  }

  @Test
  void anXmlDeclarationElsewhereIsAnElementWithABadAttribute() {
    assertFails("<a/>\n<?xml version=\"1.0\"?>", 2,
        "XMLERR: Bad attribute closing for 'version'='1.0'.");
  }

  @Test
  void closingTagWhereAnElementShouldStart() {
    assertFails("<a/>\n</a>", 2, "XMLERR: Element not opened.");
  }

  @Test
  void commentsEndAtTheFirstBangGreaterOrDashes() throws XmlException {
    assertEquals("abcd", top("<x>ab<!-- <y> \" -->cd</x>").get(0).getText());
    assertEquals("a--  b", top("<x>a-- <!x !> b</x>").get(0).getText());
    assertEquals("b", names(top("<!-- a -- b --><!DOCTYPE x --><b/>")));
    assertEquals(" y -->z", top("<x><!-- ends here !> y -->z</x>").get(0).getText());
  }

  @Test
  void eachCommentEndsAtTheFirstTerminatorAfterItsOwnStart() throws XmlException {
    // The reader remembers where the next terminator is; comments of both kinds in turn must still
    // each take the first one after their own start.
    assertEquals("a b c --> d", top("<x>a<!-- 1 !> b<!-- 2 --> c<!-- 3 !> --> d</x>").get(0).getText());
    assertEquals("[1][2][3]", top("<x>[1]<!-- a -->[2]<!-- b -->[3]<!-- c !></x>").get(0).getText());
  }

  @Test
  void anUnclosedCommentFails() {
    assertFails("<a/>\n<!DOCTYPE x>\n<b/>\n", 4, "XMLERR: Comment not closed.");
  }

  @Test
  void namesAreAnyBytesUpToWhitespaceOrGreater() throws XmlException {
    List<Element> top = top("<a:b>1</a:b><x.y>2</x.y><Rule>3</Rule>");
    assertEquals("a:b,x.y,Rule", names(top));
    assertEquals("1", top.get(0).getText());
  }

  @Test
  void emptyElementsHaveEmptyContent() throws XmlException {
    List<Element> top = top("<a/><b x=\"1\"/><c /><d></d>");
    assertEquals("a,b,c,d", names(top));
    for (Element e : top) assertEquals("", e.getText());
    assertEquals("1", top.get(1).attributeValue("x"));
  }

  @Test
  void theGreaterAfterASelfClosingAttributeListIsContentOfTheParent() throws XmlException {
    Element parent = top("<p><c a=\"1\"/></p>").get(0);
    assertEquals(">", parent.getText());
    assertEquals("c", names(parent.elements()));
  }

  @Test
  void contentIsVerbatim() throws XmlException {
    Element e = top("<regex> a &lt; &amp;\n\t</regex>").get(0);
    assertEquals(" a &lt; &amp;\n\t", e.getText());
  }

  @Test
  void rawAmpersandsAndQuotesAreContent() throws XmlException {
    assertEquals("a & b \" ' >", top("<m>a & b \" ' ></m>").get(0).getText());
  }

  @Test
  void mixedContentKeepsOnlyTheTextAfterTheLastChild() throws XmlException {
    Element d = top("<d>before<b>x</b>middle<c>y</c>after</d>").get(0);
    assertEquals("after", d.getText());
    assertEquals("b,c", names(d.elements()));
    assertEquals("", top("<d>before<b>x</b></d>").get(0).getText());
  }

  @Test
  void closingTagMustBeByteIdentical() {
    assertFails("<rule>\n</rule >", 2, "XMLERR: Element 'rule' not closed.");
    assertFails("<rule></Rule>", 1, "XMLERR: Element 'rule' not closed.");
    assertFails("<a><b></a></b>", 1, "XMLERR: Element 'b' not closed.");
  }

  @Test
  void backslashEscapesALessThanAndStaysInTheContent() throws XmlException {
    assertEquals("a\\<b", top("<regex>a\\<b</regex>").get(0).getText());
    assertEquals("a\\\\<b", top("<regex>a\\\\<b</regex>").get(0).getText());
    assertEquals("a\\>b", top("<regex>a\\>b</regex>").get(0).getText());
    assertEquals("\\", top("<regex>\\<!-- c --></regex>").get(0).getText());
    assertEquals("a", names(top("\\<x> <a/>")));
  }

  @Test
  void elementsNestUpTo1024Levels() throws XmlException {
    assertEquals("e", names(top("<e>".repeat(1024) + "</e>".repeat(1024))));
    assertFails("<e>".repeat(1025), 1, "XMLERR: Max recursion level reached.");
  }

  @Test
  void endOfFileInsideAnElement() {
    assertFails("<group>\n<rule>\n", 3, "XMLERR: End of file and some elements were not closed.");
    assertFails("<a/>\n<", 2, "XMLERR: End of file and some elements were not closed.");
  }

  @Test
  void attributesKeepTheirOrderAndAnyQuotedValue() throws XmlException {
    Element e = top("<rule id='1' level=\"2\"\n  x=\"a'/<\nb\">t</rule>").get(0);
    List<String> attributes = e.attributes().stream()
        .map(a -> a.getName() + "=" + a.getValue()).collect(Collectors.toList());
    assertEquals(List.of("id=1", "level=2", "x=a'/<\nb"), attributes);
    assertEquals("t", e.getText());
    assertEquals("v", top("<a b=  \"v\"/>").get(0).attributeValue("b"));
  }

  @Test
  void attributeErrors() {
    assertFails("<a name =\"x\">", 1, "XMLERR: Attribute 'name' has no value.");
    assertFails("<a name>", 1, "XMLERR: Attribute 'name' has no value.");
    assertFails("<a name=x>", 1, "XMLERR: Attribute 'name' not followed by a \" or '.");
    assertFails("<a name=\"x>\">", 1, "XMLERR: Attribute 'name' not closed.");
    assertFails("<a name=\"x\"y=\"z\">", 1, "XMLERR: Bad attribute closing for 'name'='x'.");
    assertFails("<a n=\"1\" n='2'>", 1, "XMLERR: Attribute 'n' already defined.");
    assertFails("<a\n n=\"1", 2, "XMLERR: End of file while reading an attribute.");
    assertFails("<a n=\"1\" ", 1, "XMLERR: End of file while reading an attribute.");
  }

  @Test
  void sizeLimits() throws XmlException {
    String max = "x".repeat(8191);
    assertEquals(max, top("<a>" + max + "</a>").get(0).getText());
    assertEquals(max.substring(1), top("<" + max.substring(1) + "/>").get(0).getName());
    assertEquals(max, top("<a b=\"" + max + "\"/>").get(0).attributeValue("b"));
    assertFails("<a>" + max + "x</a>", 1, "XMLERR: String overflow.");
    assertFails("<" + max + "xy>", 1, "XMLERR: String overflow.");
    assertFails("<a>" + max + "x" + "</" + max + "x>", 1, "XMLERR: String overflow.");
    assertFails("<a b=\"" + max + "x\"/>", 1,
        "XMLERR: Overflow attempt at attribute 'xxxxxxxxxxxxxxxxxxxx'.");
    assertFails("<a " + max + "x=\"1\"/>", 1,
        "XMLERR: Overflow attempt at attribute 'xxxxxxxxxxxxxxxxxxxx'.");
  }

  @Test
  void contentSizeCountsOnlySinceTheLastChild() throws XmlException {
    String half = "x".repeat(5000);
    assertEquals(half, top("<a>" + half + "<b/>" + half + "</a>").get(0).getText());
  }

  @Test
  void bytesAreCharsOneForOne() throws XmlException {
    byte[] bytes = {'<', 'a', ' ', 'k', '=', '"', (byte) 0xe9, '"', '>', (byte) 0xc3, (byte) 0xa9, 0, '<', '/', 'a', '>'};
    Element e = OssecXml.read("t.xml", bytes).getRootElement().element("a");
    assertEquals("\u00c3\u00a9\u0000", e.getText());
    assertEquals("\u00e9", e.attributeValue("k"));
  }

  @Test
  void linesAreRecordedForEveryElement() throws XmlException {
    Element group = top("\n<group name=\"g\">\n  <rule id=\"1\"\n    level=\"0\">\n  </rule>\n</group>").get(0);
    assertEquals(2, OssecXml.line(group));
    assertEquals(3, OssecXml.line(group.element("rule")));
  }

  @Test
  void xpathWorksOnTheDocument() throws XmlException {
    Document d = read("<group name=\"a\"><rule id=\"1\"/><rule id=\"2\"/></group><group name=\"b\"><rule id=\"3\"/></group>");
    List<String> ids = d.selectNodes("//group/rule/@id").stream()
        .map(n -> ((Attribute) n).getValue()).collect(Collectors.toList());
    assertEquals(List.of("1", "2", "3"), ids);
    assertEquals("b", d.valueOf("/ossec_root/group[rule/@id='3']/@name"));
  }
}
