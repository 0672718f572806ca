package dev.ossecaws.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A case's approved report, with ApprovalTests' conventions: {@code name.approved.txt} beside
 * {@code name.json} is the truth; a differing or missing one makes the harness write what it got
 * to {@code name.received.txt}, which a reviewer reads and renames to approve.
 */
public final class Golden {
  public static final String APPROVED = ".approved.txt";
  public static final String RECEIVED = ".received.txt";

  private Golden() {}

  public static Path approved(Path caseFile) {
    return sibling(caseFile, APPROVED);
  }

  public static Path received(Path caseFile) {
    return sibling(caseFile, RECEIVED);
  }

  /**
   * Compares {@code report} with the approved file: null when equal (a stale received file is
   * removed), else what differs, after writing the received file.
   */
  static String verify(Path caseFile, String report) throws IOException {
    Path approved = approved(caseFile);
    Path received = received(caseFile);
    byte[] actual = report.getBytes(StandardCharsets.ISO_8859_1);
    if (!Files.exists(approved)) {
      Files.write(received, actual);
      return "no approved report; wrote " + received;
    }
    String expected = new String(Files.readAllBytes(approved), StandardCharsets.ISO_8859_1);
    if (expected.equals(report)) {
      Files.deleteIfExists(received);
      return null;
    }
    Files.write(received, actual);
    return "report differs from " + approved.getFileName() + " at line " + firstDifferentLine(expected, report)
        + "; wrote " + received;
  }

  static int firstDifferentLine(String expected, String actual) {
    int line = 1;
    for (int i = 0; i < Math.min(expected.length(), actual.length()); i++) {
      if (expected.charAt(i) != actual.charAt(i)) return line;
      if (expected.charAt(i) == '\n') line++;
    }
    return line;
  }

  private static Path sibling(Path caseFile, String suffix) {
    String name = caseFile.getFileName().toString();
    if (name.endsWith(CaseFile.SUFFIX)) name = name.substring(0, name.length() - CaseFile.SUFFIX.length());
    return caseFile.resolveSibling(name + suffix);
  }
}
