package dev.ossecaws.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.Element;

/**
 * spec/xml.md §3: {@code <var name="X">} definitions, applied in one pass in document order to
 * the texts and attribute values that follow them, then removed.
 */
final class Variables {
  static final int MAX_NAME = 255;

  private final String file;
  private final List<Element> elements = new ArrayList<>();
  private final List<Integer> depths = new ArrayList<>();
  private final Map<String, String> values = new HashMap<>();

  private Variables(String file) {
    this.file = file;
  }

  static void apply(Document document) throws XmlException {
    Variables variables = new Variables(document.getName());
    variables.flatten(document.getRootElement(), 0);
    variables.substitute();
  }

  /** Lists elements in document order (parents before children) with their depth. */
  private void flatten(Element parent, int depth) {
    for (Element child : parent.elements()) {
      elements.add(child);
      depths.add(depth);
      flatten(child, depth + 1);
    }
  }

  private void substitute() throws XmlException {
    List<Element> definitions = new ArrayList<>();
    int definitionDepth = -1;
    for (int i = 0; i < elements.size(); i++) {
      Element element = elements.get(i);
      if (definitionDepth >= 0 && depths.get(i) > definitionDepth) continue;
      definitionDepth = -1;
      if (equalsIgnoreCase(element.getName(), "var")) {
        values.putIfAbsent(lowerCase(name(i)), element.getText());
        definitions.add(element);
        definitionDepth = depths.get(i);
        continue;
      }
      if (values.isEmpty()) continue;
      for (Attribute attribute : element.attributes()) {
        attribute.setValue(substitute(attribute.getValue(), element));
      }
      String text = element.getText();
      String substituted = substitute(text, element);
      if (!substituted.equals(text)) element.setText(substituted);
    }
    for (Element definition : definitions) definition.getParent().remove(definition);
  }

  /**
   * The variable name of the {@code <var>} at {@code index}: the first attribute of it or of a later
   * element no shallower than it (so {@code <var>v</var><group name="g,">} defines {@code g,}).
   */
  private String name(int index) throws XmlException {
    Element definition = elements.get(index);
    for (int i = index; i < elements.size() && depths.get(i) >= depths.get(index); i++) {
      if (elements.get(i).attributeCount() == 0) continue;
      Attribute first = elements.get(i).attribute(0);
      if (!equalsIgnoreCase(first.getName(), "name")) {
        throw error(definition, "XMLERR: Only \"name\" is allowed as an attribute for a variable.");
      }
      if (first.getValue().length() > MAX_NAME) {
        throw error(definition, "XMLERR: Invalid variable name size.");
      }
      return first.getValue();
    }
    throw error(definition, "XMLERR: No value set for variable.");
  }

  private String substitute(String text, Element owner) throws XmlException {
    if (text.length() <= 2 || text.indexOf('$') < 0) return text;
    StringBuilder result = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end = i + 1;
      while (c == '$' && end < text.length() && !endsName(text.charAt(end))) end++;
      if (c != '$' || end == i + 1) {
        result.append(c);
        i++;
        continue;
      }
      String name = text.substring(i + 1, end);
      String value = values.get(lowerCase(name));
      if (value == null) throw error(owner, "XMLERR: Unknown variable: '" + name + "'.");
      result.append(value);
      i = end;
    }
    return result.toString();
  }

  private static boolean endsName(char c) {
    return c == '$' || c == '.' || c == '|' || c == ',' || c == ' ';
  }

  private XmlException error(Element element, String message) {
    return new XmlException(file, OssecXml.line(element), message);
  }

  private static boolean equalsIgnoreCase(String a, String b) {
    return lowerCase(a).equals(lowerCase(b));
  }

  /** ASCII-only, as OSSEC compares names byte-wise. */
  private static String lowerCase(String s) {
    StringBuilder lower = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return lower.toString();
  }
}
