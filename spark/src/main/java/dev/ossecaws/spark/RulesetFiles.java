package dev.ossecaws.spark;

import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The ruleset of {@code --ruleset DIR} ({@code decoders/*.xml}, {@code rules/*.xml}) as bytes, read
 * once by the driver from any Hadoop path and shipped to the executors in the job's broadcast, so
 * no executor needs the directory. Each executor JVM loads it once ({@link #engine()}), as replay
 * loads {@code --ruleset DIR} alone (OSSEC's defaults, no manager).
 */
final class RulesetFiles implements Serializable {
  private static final Map<String, Engine> LOADED = new ConcurrentHashMap<>();

  private final String directory;
  private final TreeMap<String, byte[]> files;
  private final String hostname;

  private RulesetFiles(String directory, TreeMap<String, byte[]> files, String hostname) {
    this.directory = directory;
    this.files = files;
    this.hostname = hostname;
  }

  /** Reads {@code directory}; throws if it holds no rules file. */
  static RulesetFiles read(String directory, Configuration conf) throws IOException {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(directory);
    FileSystem fs = root.getFileSystem(conf);
    if (!isDirectory(fs, root)) throw new IOException("ruleset directory not found: " + directory);
    TreeMap<String, byte[]> files = new TreeMap<>();
    for (String part : new String[] {"decoders", "rules"}) {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root, part);
      if (!isDirectory(fs, dir)) continue;
      for (FileStatus file : fs.listStatus(dir)) {
        if (!file.isFile() || !file.getPath().getName().endsWith(".xml")) continue;
        try (InputStream in = fs.open(file.getPath())) {
          files.put(part + "/" + file.getPath().getName(), in.readAllBytes());
        }
      }
    }
    if (files.keySet().stream().noneMatch(name -> name.startsWith("rules/"))) {
      throw new IOException("no rules/*.xml in the ruleset directory " + directory);
    }
    return new RulesetFiles(directory, files, null);
  }

  private static boolean isDirectory(FileSystem fs, org.apache.hadoop.fs.Path path) throws IOException {
    return fs.exists(path) && fs.getFileStatus(path).isDirectory();
  }

  /** The same files, events without a host named {@code hostname}. */
  RulesetFiles withHostname(String hostname) {
    return new RulesetFiles(directory, files, hostname);
  }

  /**
   * The loaded engine, shared by this JVM's tasks (sessions are made from it): loaded on first use
   * from a copy of the files in a temporary directory, removed once loaded.
   */
  Engine engine() throws Exception {
    String key = digest();
    Engine engine = LOADED.get(key);
    if (engine != null) return engine;
    synchronized (LOADED) {
      engine = LOADED.get(key);
      if (engine == null) {
        engine = load();
        LOADED.put(key, engine);
      }
      return engine;
    }
  }

  /** Loads the files; the ruleset's own mistakes name its files under {@link #directory}. */
  Engine load() throws Exception {
    Path copy = Files.createTempDirectory("ossec-aws-ruleset");
    try {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path target = copy.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
      Engine.Builder builder = Engine.builder().config(ManagerConfig.defaults(copy).addRuleset(copy).build());
      if (hostname != null) builder.hostname(hostname);
      return builder.load(message -> {});
    } catch (Exception e) {
      String message = String.valueOf(e.getMessage()).replace(copy.toString(), directory);
      throw new IllegalArgumentException(message, e);
    } finally {
      try (Stream<Path> walk = Files.walk(copy)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  private String digest() throws NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      sha.update(file.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(file.getValue());
      sha.update((byte) 0);
    }
    sha.update(String.valueOf(hostname).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest());
  }
}
