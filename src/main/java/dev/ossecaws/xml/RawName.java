package dev.ossecaws.xml;

import org.dom4j.QName;

/**
 * OSSEC's dialect allows any bytes in element and attribute names ({@code <a:b>}, {@code <?xml>}),
 * dom4j only XML names: nodes keep the name as written and give dom4j a stand-in for the others.
 */
final class RawName {
  private static final QName STAND_IN = QName.get("not-an-xml-name");

  private RawName() {}

  static QName qname(String name) {
    try {
      return QName.get(name);
    } catch (IllegalArgumentException notAnXmlName) {
      return STAND_IN;
    }
  }
}
