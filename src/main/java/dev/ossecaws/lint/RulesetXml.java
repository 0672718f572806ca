package dev.ossecaws.lint;

import dev.ossecaws.xml.OssecXml;
import dev.ossecaws.xml.XmlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dom4j.Document;
import org.dom4j.Element;

/** The ruleset's XML files, read as OSSEC reads them (its dialect, {@code <var>} substituted). */
final class RulesetXml {
  private RulesetXml() {}

  /** The {@code .xml} files of {@code dir}, in name order (OSSEC's load order); none if it is missing. */
  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList();
    }
  }

  static Document read(Path file) throws XmlException {
    Document document = OssecXml.read(file);
    OssecXml.substituteVariables(document);
    return document;
  }

  /** The children of {@code parent} named {@code name}; OSSEC compares element names ignoring case. */
  static List<Element> children(Element parent, String name) {
    return parent.elements().stream().filter(e -> e.getName().equalsIgnoreCase(name)).toList();
  }
}
