package dev.ossecaws.xml;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dom4j.Document;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

class VariablesTest {
  static Document substituted(String xml) throws XmlException {
    Document document = OssecXml.read("v.xml", xml.getBytes(ISO_8859_1));
    OssecXml.substituteVariables(document);
    return document;
  }

  /** The content of the {@code <t>} after the definitions {@code vars}. */
  static String text(String vars, String text) throws XmlException {
    return substituted(vars + "<t>" + text + "</t>").getRootElement().element("t").getText();
  }

  static void assertUnknown(String vars, String text, String name) {
    XmlException e = assertThrows(XmlException.class, () -> text(vars, text));
    assertEquals("XMLERR: Unknown variable: '" + name + "'.", e.detail());
    assertEquals("v.xml", e.file());
  }

  @Test
  void variablesBeforeAnyDefinitionStayLiteral() throws XmlException {
    assertEquals("$BAD_WORDS", text("", "$BAD_WORDS"));
    Document d = substituted("<t>$BAD_WORDS</t><var name=\"A\">x</var><u>$A.</u>");
    assertEquals("$BAD_WORDS", d.getRootElement().element("t").getText());
    assertEquals("x.", d.getRootElement().element("u").getText());
  }

  @Test
  void textsOfTwoCharactersAreNeverSubstituted() throws XmlException {
    assertEquals("$A", text("<var name=\"A\">hello</var>", "$A"));
    assertEquals("hello.x", text("<var name=\"A\">hello</var>", "$A.x"));
  }

  @Test
  void namesEndAtDollarDotBarCommaSpaceOrTheEnd() throws XmlException {
    String vars = "<var name=\"A\">1</var><var name=\"B\">2</var>";
    assertEquals("12", text(vars, "$A$B"));
    assertEquals("1.2|1,2 1", text(vars, "$A.$B|$A,$B $A"));
    assertUnknown("<var name=\"A\">hel</var>", "$Alo", "Alo");
    assertUnknown("<var name=\"A\">hel</var>", "[$A]", "A]");
    assertUnknown(vars, "($A)", "A)");
    assertUnknown(vars, "$A:x", "A:x");
    assertUnknown(vars, "$A\nx", "A\nx");
  }

  @Test
  void aLoneDollarStays() throws XmlException {
    assertEquals("cost $ 5 and $", text("<var name=\"A\">x</var>", "cost $ 5 and $"));
    assertEquals("$.$|", text("<var name=\"A\">x</var>", "$.$|"));
  }

  @Test
  void attributesAreSubstituted() throws XmlException {
    Document d = substituted("<var name=\"LVL\">7</var><rule level=\"$LVL\" id=\"$L\"/>");
    Element rule = d.getRootElement().element("rule");
    assertEquals("7", rule.attributeValue("level"));
    assertEquals("$L", rule.attributeValue("id"));
  }

  @Test
  void theFirstDefinitionWinsAndNamesIgnoreCase() throws XmlException {
    assertEquals("v=one ", text("<var name=\"A\">one</var><VAR NAME=\"a\">two</VAR>", "v=$A "));
    assertEquals("one.", text("<var name=\"abc\">one</var>", "$ABC."));
  }

  @Test
  void valuesAreVerbatimAndNotRescanned() throws XmlException {
    String vars = "<var name=\"A\">x</var><var name=\"B\">$A y</var>";
    assertEquals("x$A y.", text(vars, "x$B."));
  }

  @Test
  void laterDefinitionsAreUnknownEarlier() {
    XmlException e = assertThrows(XmlException.class,
        () -> substituted("<var name=\"A\">x</var>\n<t>$B is late</t>\n<var name=\"B\">y</var>"));
    assertEquals("XMLERR: Unknown variable: 'B'.", e.detail());
    assertEquals(2, e.line());
  }

  @Test
  void definitionsAreRemovedAtAnyDepth() throws XmlException {
    Document d = substituted("<var name=\"A\">x</var><g><Var name=\"B\">y</Var><r>$A$B</r></g>");
    assertEquals("g", d.getRootElement().elements().get(0).getName());
    assertEquals(1, d.getRootElement().elements().size());
    Element g = d.getRootElement().element("g");
    assertEquals(1, g.elements().size());
    assertEquals("xy", g.element("r").getText());
  }

  @Test
  void aVarWithoutAttributeTakesTheNextElementsFirstAttribute() throws XmlException {
    Document d = substituted("<var>v</var><group name=\"g,\"><t>a $ b</t></group>");
    assertEquals("g,", d.getRootElement().element("group").attributeValue("name"));
    XmlException e = assertThrows(XmlException.class,
        () -> substituted("<var>v</var><group name=\"g,\"><t>$x.</t></group>"));
    assertEquals("XMLERR: Unknown variable: 'x'.", e.detail());
  }

  @Test
  void definitionErrors() {
    XmlException onlyName = assertThrows(XmlException.class,
        () -> substituted("\n<var id=\"A\">x</var>"));
    assertEquals("XMLERR: Only \"name\" is allowed as an attribute for a variable.", onlyName.detail());
    assertEquals(2, onlyName.line());
    XmlException noValue = assertThrows(XmlException.class, () -> substituted("<var>x</var><t/>"));
    assertEquals("XMLERR: No value set for variable.", noValue.detail());
    XmlException tooLong = assertThrows(XmlException.class,
        () -> substituted("<var name=\"" + "n".repeat(256) + "\">x</var>"));
    assertEquals("XMLERR: Invalid variable name size.", tooLong.detail());
    String longest = "n".repeat(255);
    XmlException unknown = assertThrows(XmlException.class,
        () -> substituted("<var name=\"" + longest + "\">x</var><t>$" + longest + "x</t>"));
    assertEquals("XMLERR: Unknown variable: '" + longest + "x'.", unknown.detail());
  }
}
