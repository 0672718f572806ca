package dev.ossecaws.harness;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The harness's results as JUnit XML (one testcase per case file), which CI systems display. */
public final class JUnitReport {
  private JUnitReport() {}

  public static void write(Path target, String suiteName, Path samples, List<CaseResult> results)
      throws IOException {
    long failures = results.stream().filter(r -> !r.passed()).count();
    try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", suiteName);
      xml.writeAttribute("tests", Integer.toString(results.size()));
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      for (CaseResult result : results) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        Path relative = samples.relativize(result.file());
        xml.writeAttribute("classname", suiteName);
        xml.writeAttribute("name", relative.toString().replace('\\', '/'));
        if (!result.passed()) {
          xml.writeStartElement("failure");
          xml.writeAttribute("message", result.problems().get(0));
          xml.writeCharacters(String.join("\n", result.problems()));
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
