package dev.ossecaws.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an OSSEC manager's home and ossec.conf tell ossec-logtest (spec/xml.md §5): the decoder,
 * list and rules files in load order, the alert thresholds, the correlation memory and the
 * internal options. Immutable; {@link #newBuilder()} adds files on top (a project ruleset).
 */
public final class ManagerConfig {
  public static final Path DEFAULT_HOME = Path.of("/var/ossec");

  private final Path home;
  private final String configFile;
  private final List<RulesetFile> decoderFiles;
  private final boolean legacyDecoders;
  private final List<ListFile> listFiles;
  private final List<RulesetFile> ruleFiles;
  private final int emailAlertLevel;
  private final int logAlertLevel;
  private final int memorySize;
  private final InternalOptions internalOptions;

  ManagerConfig(Builder builder) {
    this.home = builder.home;
    this.configFile = builder.configFile;
    this.decoderFiles = List.copyOf(builder.decoderFiles);
    this.legacyDecoders = builder.legacyDecoders;
    this.listFiles = List.copyOf(builder.listFiles);
    this.ruleFiles = List.copyOf(builder.ruleFiles);
    this.emailAlertLevel = builder.emailAlertLevel;
    this.logAlertLevel = builder.logAlertLevel;
    this.memorySize = builder.memorySize;
    this.internalOptions = builder.internalOptions;
  }

  /** Loads {@code home}'s {@code etc/ossec.conf}. */
  public static ManagerConfig load(Path home) throws ConfigException {
    return load(home, home.resolve("etc/ossec.conf"));
  }

  /** Loads {@code configFile} (named as given in messages) for the manager home {@code home}. */
  public static ManagerConfig load(Path home, Path configFile) throws ConfigException {
    Builder builder = new Builder(home, configFile.toString());
    OssecConfReader.read(configFile, builder);
    builder.internalOptions = InternalOptions.load(home);
    return builder.build();
  }

  /**
   * No manager at all: OSSEC's defaults and, of its files, only the category templates every
   * manager has ({@link CategoryTemplates}), for {@link Builder#addRuleset} to add a project's
   * ruleset to. Paths in messages are relative to {@code directory}.
   */
  public static Builder defaults(Path directory) {
    Builder builder = new Builder(directory, "(none)");
    builder.internalOptions = InternalOptions.shipped();
    builder.ruleFiles.add(CategoryTemplates.rulesFile());
    return builder;
  }

  public Path home() {
    return home;
  }

  /** The configuration file as named on the command line. */
  public String configFile() {
    return configFile;
  }

  /** Decoder files in load order. */
  public List<RulesetFile> decoderFiles() {
    return decoderFiles;
  }

  /**
   * Whether no decoder was configured, so the files are {@code etc/decoder.xml} and the optional
   * {@code etc/local_decoder.xml} (spec/xml.md §6.3), plus any added on top.
   */
  public boolean legacyDecoders() {
    return legacyDecoders;
  }

  public List<ListFile> listFiles() {
    return listFiles;
  }

  /** Rules files in load order. */
  public List<RulesetFile> ruleFiles() {
    return ruleFiles;
  }

  /** {@code <alerts><email_alert_level>}, default 7. */
  public int emailAlertLevel() {
    return emailAlertLevel;
  }

  /** {@code <alerts><log_alert_level>}, default 1. */
  public int logAlertLevel() {
    return logAlertLevel;
  }

  /** {@code <global><memory_size>}: events kept for correlation, at least 2048, default 8192. */
  public int memorySize() {
    return memorySize;
  }

  public InternalOptions internalOptions() {
    return internalOptions;
  }

  public Builder newBuilder() {
    Builder builder = new Builder(home, configFile);
    builder.decoderFiles.addAll(decoderFiles);
    builder.legacyDecoders = legacyDecoders;
    builder.listFiles.addAll(listFiles);
    builder.ruleFiles.addAll(ruleFiles);
    builder.emailAlertLevel = emailAlertLevel;
    builder.logAlertLevel = logAlertLevel;
    builder.memorySize = memorySize;
    builder.internalOptions = internalOptions;
    return builder;
  }

  /** Adds decoder and rules files after those of the configuration. */
  public static final class Builder {
    private final Path home;
    private final String configFile;
    final List<RulesetFile> decoderFiles = new ArrayList<>();
    boolean legacyDecoders;
    final List<ListFile> listFiles = new ArrayList<>();
    final List<RulesetFile> ruleFiles = new ArrayList<>();
    int emailAlertLevel = 7;
    int logAlertLevel = 1;
    int memorySize = 8192;
    InternalOptions internalOptions;

    Builder(Path home, String configFile) {
      this.home = home;
      this.configFile = configFile;
    }

    Path home() {
      return home;
    }

    String configFile() {
      return configFile;
    }

    /** Loads {@code file} after the configured decoders, naming it as given. */
    public Builder addDecoderFile(Path file) {
      decoderFiles.add(new RulesetFile(file.toString(), file.toString(), file));
      return this;
    }

    /** Loads {@code file} after the configured rules, naming it as given. */
    public Builder addRuleFile(Path file) {
      ruleFiles.add(new RulesetFile(file.toString(), file.toString(), file));
      return this;
    }

    /**
     * Adds a project ruleset: {@code dir/decoders/*.xml} and {@code dir/rules/*.xml}, each in name
     * order, after the configured files.
     */
    public Builder addRuleset(Path dir) throws IOException {
      if (!Files.isDirectory(dir)) throw new IOException("ruleset directory not found: " + dir);
      for (Path file : xmlFiles(dir.resolve("decoders"))) addDecoderFile(file);
      for (Path file : xmlFiles(dir.resolve("rules"))) addRuleFile(file);
      return this;
    }

    private static List<Path> xmlFiles(Path dir) throws IOException {
      if (!Files.isDirectory(dir)) return List.of();
      try (Stream<Path> files = Files.list(dir)) {
        return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted()
            .collect(Collectors.toList());
      }
    }

    public ManagerConfig build() {
      return new ManagerConfig(this);
    }
  }
}
