package dev.ossecaws.xml;

import org.dom4j.tree.DefaultElement;

/** An element that remembers its name exactly as written and the line on which it starts. */
final class LineElement extends DefaultElement {
  private final String name;
  private final int line;

  LineElement(String name, int line) {
    super(RawName.qname(name));
    this.name = name;
    this.line = line;
  }

  int line() {
    return line;
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
