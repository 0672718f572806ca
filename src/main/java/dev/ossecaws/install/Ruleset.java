package dev.ossecaws.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project's {@code ruleset/} directory as the installer ships it: its VERSION, decoders
 * (installed as etc/NAME, beside OSSEC's own decoder.xml) and rules files (installed in rules/).
 */
public final class Ruleset {
  private final String version;
  private final Map<String, byte[]> files;
  private final List<String> decoders;
  private final List<String> ruleFiles;

  private Ruleset(String version, Map<String, byte[]> files, List<String> decoders, List<String> ruleFiles) {
    this.version = version;
    this.files = files;
    this.decoders = decoders;
    this.ruleFiles = ruleFiles;
  }

  /** Reads {@code dir}: VERSION, decoders/*.xml and rules/*.xml. */
  public static Ruleset read(Path dir) throws IOException {
    Path versionFile = dir.resolve("VERSION");
    if (!Files.isRegularFile(versionFile)) throw new IOException("not a ruleset: " + versionFile + " is missing");
    String version = Files.readString(versionFile, StandardCharsets.ISO_8859_1).strip();
    if (!version.matches("[0-9A-Za-z.+-]+")) {
      throw new IOException(versionFile + ": expected a version like 1.2.0, got '" + version + "'");
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<String> decoders = new ArrayList<>();
    for (String name : xmlFiles(dir.resolve("decoders"))) {
      decoders.add("etc/" + name);
      files.put("etc/" + name, Files.readAllBytes(dir.resolve("decoders").resolve(name)));
    }
    List<String> ruleFiles = xmlFiles(dir.resolve("rules"));
    for (String name : ruleFiles) files.put("rules/" + name, Files.readAllBytes(dir.resolve("rules").resolve(name)));
    if (ruleFiles.isEmpty()) throw new IOException("not a ruleset: " + dir.resolve("rules") + " has no .xml file");
    return new Ruleset(version, files, List.copyOf(decoders), ruleFiles);
  }

  private static List<String> xmlFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> paths = Files.list(dir)) {
      return paths.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".xml"))
          .sorted()
          .toList();
    }
  }

  public String version() {
    return version;
  }

  /** Every file shipped, by its path relative to the manager home, in install order. */
  Map<String, byte[]> files() {
    return files;
  }

  /** The decoder files as ossec.conf names them (relative to the home). */
  List<String> decoders() {
    return decoders;
  }

  /** The rules files as ossec.conf's {@code <include>} names them. */
  List<String> ruleFiles() {
    return ruleFiles;
  }
}
