package dev.ossecaws.install;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What is installed on a manager: the ruleset version and every file install wrote, with its
 * SHA-256, kept at {@value #PATH} (outside anything OSSEC loads).
 */
final class Manifest {
  static final String PATH = ".ossec-aws/installed";
  /**
   * Where install puts files: rules/ and etc/, never onto OSSEC's own configuration or decoders,
   * so that a damaged or forged manifest cannot make uninstall delete them.
   */
  private static final Pattern INSTALLABLE =
      Pattern.compile("(rules|etc)/(?!(ossec\\.conf|decoder\\.xml|local_decoder\\.xml|local_rules\\.xml)$)[^/]+\\.xml");
  private static final String HEADER = "# ossec-aws: what `ossec-aws install` put on this manager. Do not edit.\n";

  private final String version;
  private final Map<String, String> fileHashes;

  Manifest(String version, Map<String, String> fileHashes) {
    this.version = version;
    this.fileHashes = Collections.unmodifiableMap(new TreeMap<>(fileHashes));
  }

  /** The manifest recording {@code ruleset} as installed. */
  static Manifest of(Ruleset ruleset) {
    Map<String, String> hashes = new LinkedHashMap<>();
    ruleset.files().forEach((path, bytes) -> hashes.put(path, sha256(bytes)));
    return new Manifest(ruleset.version(), hashes);
  }

  /** Parses a manifest's text; empty when {@code text} is not one (hand-edited, truncated). */
  static Optional<Manifest> parse(String text) {
    String version = null;
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] fields = line.split(" ");
      if (line.startsWith("#") || line.isEmpty()) continue;
      if (fields.length == 2 && fields[0].equals("version")) {
        version = fields[1];
      } else if (fields.length == 3 && fields[0].equals("file") && INSTALLABLE.matcher(fields[1]).matches()) {
        hashes.put(fields[1], fields[2]);
      } else {
        return Optional.empty();
      }
    }
    return version == null ? Optional.empty() : Optional.of(new Manifest(version, hashes));
  }

  String version() {
    return version;
  }

  /** Installed files (relative to the home, in name order) to the SHA-256 of what was written. */
  Map<String, String> fileHashes() {
    return fileHashes;
  }

  byte[] bytes() {
    StringBuilder text = new StringBuilder(HEADER).append("version ").append(version).append('\n');
    fileHashes.forEach((path, hash) -> text.append("file ").append(path).append(' ').append(hash).append('\n'));
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
