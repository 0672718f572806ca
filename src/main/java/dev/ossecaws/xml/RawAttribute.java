package dev.ossecaws.xml;

import org.dom4j.tree.DefaultAttribute;

/** An attribute that keeps its name exactly as written. */
final class RawAttribute extends DefaultAttribute {
  private final String name;

  RawAttribute(String name, String value) {
    super(RawName.qname(name), value);
    this.name = name;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getQualifiedName() {
    return name;
  }
}
