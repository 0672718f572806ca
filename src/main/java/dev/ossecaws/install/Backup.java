package dev.ossecaws.install;

import static java.nio.file.StandardCopyOption.COPY_ATTRIBUTES;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A copy of every file a change is about to touch, taken before it touches any, under
 * {@value #DIR}/TIMESTAMP: the manager never loads that directory (a copy inside a loaded rules
 * directory would load every rule twice). Its index also lists the files that did not exist, so
 * that restoring deletes them again.
 */
final class Backup {
  static final String DIR = ".ossec-aws/backups";
  private static final String INDEX = "index";
  private static final String RESTORED = ".restored";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;
  /** Path relative to the home → whether it existed (and was copied). */
  private final Map<String, Boolean> existed;

  private Backup(Path dir, Map<String, Boolean> existed) {
    this.dir = dir;
    this.existed = existed;
  }

  /** Copies each of {@code paths} that exists into a new backup directory. */
  static Backup create(ManagerHome home, List<String> paths, Clock clock, Checkpoints checkpoints)
      throws IOException, InstallRefusedException {
    Path root = home.resolve(DIR);
    Files.createDirectories(root);
    String stamp = STAMP.format(clock.instant());
    Path dir = root.resolve(stamp);
    for (int n = 2; Files.exists(dir) || Files.exists(root.resolve(dir.getFileName() + RESTORED)); n++) {
      dir = root.resolve(stamp + "-" + n);
    }
    Files.createDirectory(dir);
    Backup backup = new Backup(dir, new LinkedHashMap<>());
    try {
      StringBuilder index = new StringBuilder();
      for (String path : paths) {
        checkpoints.reach("back up " + path);
        Path source = home.resolve(path);
        boolean exists = Files.exists(source);
        backup.existed.put(path, exists);
        index.append(exists ? "saved " : "absent ").append(path).append('\n');
        if (exists) {
          Path copy = backup.savedCopy(path);
          Files.createDirectories(copy.getParent());
          Files.copy(source, copy, COPY_ATTRIBUTES);
        }
      }
      Files.writeString(dir.resolve(INDEX), index, StandardCharsets.ISO_8859_1);
    } catch (IOException | InstallRefusedException e) {
      backup.delete();
      throw e;
    }
    return backup;
  }

  /** The newest backup not yet restored, if any. */
  static Optional<Backup> latest(ManagerHome home) throws IOException, InstallRefusedException {
    Path root = home.resolve(DIR);
    if (!Files.isDirectory(root)) return Optional.empty();
    Optional<Path> newest;
    try (Stream<Path> dirs = Files.list(root)) {
      newest = dirs.filter(d -> Files.isRegularFile(d.resolve(INDEX)))
          .filter(d -> !d.getFileName().toString().endsWith(RESTORED))
          .max(Comparator.comparing(d -> d.getFileName().toString()));
    }
    if (newest.isEmpty()) return Optional.empty();
    Map<String, Boolean> existed = new LinkedHashMap<>();
    for (String line : Files.readAllLines(newest.get().resolve(INDEX), StandardCharsets.ISO_8859_1)) {
      String[] fields = line.split(" ", 2);
      if (fields.length != 2 || !(fields[0].equals("saved") || fields[0].equals("absent"))) {
        throw new IOException(newest.get().resolve(INDEX) + ": unexpected line '" + line + "'");
      }
      home.resolve(fields[1]);
      existed.put(fields[1], fields[0].equals("saved"));
    }
    return Optional.of(new Backup(newest.get(), existed));
  }

  /** The files this backup covers, relative to the home. */
  List<String> paths() {
    return new ArrayList<>(existed.keySet());
  }

  /** The saved bytes of {@code path}, or null when it did not exist. */
  byte[] saved(String path) throws IOException {
    return existed.get(path) ? Files.readAllBytes(savedCopy(path)) : null;
  }

  /** The saved copy, which keeps the original's owner and mode. */
  Path savedCopy(String path) {
    return dir.resolve("files").resolve(path);
  }

  /**
   * Puts every file back as it was: saved ones rewritten atomically with their old owner and mode,
   * absent ones deleted. Goes on past a failing file and reports all failures at the end.
   */
  void restore(ManagerHome home, List<String> warnings) throws IOException {
    List<String> failures = new ArrayList<>();
    for (String path : existed.keySet()) {
      try {
        Path target = home.resolve(path);
        if (existed.get(path)) {
          AtomicFiles.write(target, saved(path), savedCopy(path), Checkpoints.NONE, path, warnings);
        } else {
          Files.deleteIfExists(target);
        }
      } catch (IOException | InstallRefusedException e) {
        failures.add(path + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) throw new IOException("could not restore " + String.join("; ", failures));
  }

  /** Marks this backup as restored, so that the next rollback goes one further back. */
  void markRestored() throws IOException {
    Files.move(dir, dir.resolveSibling(dir.getFileName() + RESTORED));
  }

  /** Removes this backup (after a failed attempt was undone: it holds nothing new). */
  void delete() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
    }
  }

  /** The backup's location relative to the home, as printed. */
  String name(ManagerHome home) {
    return home.relative(dir);
  }
}
