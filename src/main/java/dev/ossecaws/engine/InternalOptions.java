package dev.ossecaws.engine;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code analysisd.*} internal options the engine uses (spec/limits.md): read from
 * {@code etc/local_internal_options.conf} first, then {@code etc/internal_options.conf}; the first
 * {@code analysisd.<name>=<value>} line wins; a missing, non-numeric or out-of-range value is fatal.
 */
public final class InternalOptions {
  static final String MAIN_FILE = "etc/internal_options.conf";
  static final String LOCAL_FILE = "etc/local_internal_options.conf";

  private final int defaultTimeframe;
  private final int decoderOrderSize;
  private final int sidPrevMatchedMax;
  private final int ftsListSize;
  private final int ftsMinSizeForStr;

  private InternalOptions(Definitions definitions) throws ConfigException {
    defaultTimeframe = definitions.number("default_timeframe", 60, 604800);
    decoderOrderSize = definitions.number("decoder_order_size", 8, 1024);
    sidPrevMatchedMax = definitions.number("sid_prev_matched_max", 16, 65536);
    ftsListSize = definitions.number("fts_list_size", 12, 512);
    ftsMinSizeForStr = definitions.number("fts_min_size_for_str", 6, 128);
  }

  static InternalOptions load(Path home) throws ConfigException {
    List<String> local = lines(home.resolve(LOCAL_FILE));
    List<String> main = lines(home.resolve(MAIN_FILE));
    return new InternalOptions(new Definitions(local, main));
  }

  /** The values OSSEC 4.3.0 ships, for a ruleset evaluated without a manager's home. */
  static InternalOptions shipped() {
    try {
      return new InternalOptions(new Definitions(List.of(), List.of(
          "analysisd.default_timeframe=360",
          "analysisd.decoder_order_size=256",
          "analysisd.sid_prev_matched_max=128",
          "analysisd.fts_list_size=32",
          "analysisd.fts_min_size_for_str=14")));
    } catch (ConfigException e) {
      throw new AssertionError("shipped internal options are valid", e);
    }
  }

  /** The timeframe of a correlation rule that sets none, in seconds. */
  public int defaultTimeframe() {
    return defaultTimeframe;
  }

  /** The most {@code <order>} fields a decoder may have. */
  public int decoderOrderSize() {
    return decoderOrderSize;
  }

  /** The events remembered per {@code if_matched_sid} target. */
  public int sidPrevMatchedMax() {
    return sidPrevMatchedMax;
  }

  /** The FTS history size for IDS similarity. */
  public int ftsListSize() {
    return ftsListSize;
  }

  /** The FTS similarity prefix length. */
  public int ftsMinSizeForStr() {
    return ftsMinSizeForStr;
  }

  private static List<String> lines(Path file) throws ConfigException {
    try {
      return List.of(new String(Files.readAllBytes(file), ISO_8859_1).split("\r?\n", -1));
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, List.of("Cannot read " + file + ": " + e.getMessage()));
    }
  }

  /** The local file's lines, then the main file's. */
  private static final class Definitions {
    private final List<String> local;
    private final List<String> main;

    Definitions(List<String> local, List<String> main) {
      this.local = local;
      this.main = main;
    }

    int number(String name, int min, int max) throws ConfigException {
      String key = "analysisd." + name;
      int at = find(local, key);
      String file = at >= 0 ? LOCAL_FILE : MAIN_FILE;
      List<String> lines = at >= 0 ? local : main;
      if (at < 0) at = find(main, key);
      if (at < 0) {
        throw new ConfigException(MAIN_FILE, 0,
            List.of("ossec-testrule(2301): ERROR: Definition not found for: '" + key + "'."));
      }
      String value = lines.get(at).substring(key.length() + 1);
      if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
        throw new ConfigException(file, at + 1,
            List.of("ossec-testrule(2302): ERROR: Invalid definition for " + key + ": '" + value + "'."));
      }
      return Integer.parseInt(value);
    }

    private static int find(List<String> lines, String key) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(key + "=")) return i;
      }
      return -1;
    }
  }
}
