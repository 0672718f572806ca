package dev.ossecaws.install;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A manager home in a temporary directory, built from OSSEC 4.3.0's real etc/ and rules/, with
 * helpers to vary it and to take a snapshot of every file's bytes and mode.
 */
public final class ManagerFixture {
  public final Path home;

  private ManagerFixture(Path home) {
    this.home = home;
  }

  /** A copy of {@code ../shared/ossec-4.3.0}'s etc/ and rules/ under {@code parent}. */
  public static ManagerFixture stock(Path parent) throws IOException {
    Path shared = SharedData.ossecHome();
    Path home = Files.createDirectories(parent.resolve("ossec"));
    for (String dir : new String[] {"etc", "rules"}) {
      Path target = Files.createDirectories(home.resolve(dir));
      try (Stream<Path> files = Files.list(shared.resolve(dir))) {
        for (Path file : files.toList()) {
          Path copy = target.resolve(file.getFileName().toString());
          Files.copy(file, copy);
          Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r-----"));
        }
      }
    }
    return new ManagerFixture(home);
  }

  /** The test ruleset {@code ruleset-VERSION} from the test resources. */
  static Ruleset ruleset(String version) throws IOException {
    return Ruleset.read(resource("ruleset-" + version));
  }

  public static Path resource(String name) {
    try {
      return Path.of(ManagerFixture.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** An installer for this manager whose verifier expects {@code version}'s files to be loaded. */
  Installer installer(String version, Checkpoints checkpoints, Consumer<String> out)
      throws IOException, InstallRefusedException {
    return new Installer(manager(), new LoadingVerifier(ruleset(version)), checkpoints, out, Clock.systemUTC());
  }

  /** Installs each of {@code versions} in turn, quietly. */
  void install(String... versions) throws IOException, InstallRefusedException {
    for (String version : versions) {
      Installer.Outcome outcome = installer(version, Checkpoints.NONE, line -> {}).install(ruleset(version), InstallerTest.PLAIN);
      if (outcome != Installer.Outcome.DONE) throw new AssertionError("installing " + version + ": " + outcome);
    }
  }

  ManagerHome manager() throws InstallRefusedException {
    return ManagerHome.locate(Optional.of(home), home.resolve("no-init-conf"));
  }

  public String conf() throws IOException {
    return read(ManagerHome.CONF);
  }

  String read(String path) throws IOException {
    return Files.readString(home.resolve(path), ISO_8859_1);
  }

  void write(String path, String content) throws IOException {
    Files.createDirectories(home.resolve(path).getParent());
    Files.writeString(home.resolve(path), content, ISO_8859_1);
  }

  /** Replaces the first occurrence of {@code from} in ossec.conf. */
  void editConf(String from, String to) throws IOException {
    String conf = conf();
    if (!conf.contains(from)) throw new AssertionError("ossec.conf has no '" + from + "'");
    write(ManagerHome.CONF, conf.replace(from, to));
  }

  /** An executable shell script at {@code path} (e.g. bin/ossec-control) with {@code body}. */
  void script(String path, String body) throws IOException {
    write(path, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(home.resolve(path), PosixFilePermissions.fromString("rwxr-x---"));
  }

  /** Every file and directory under the home: its SHA-256 (or "dir"/"link") and its mode. */
  public Map<String, String> snapshot() {
    Map<String, String> snapshot = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(home)) {
      for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
        String what;
        if (Files.isSymbolicLink(path)) {
          what = "link " + Files.readSymbolicLink(path);
        } else if (Files.isDirectory(path)) {
          what = "dir";
        } else {
          what = Manifest.sha256(Files.readAllBytes(path));
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        snapshot.put(home.relativize(path).toString(), what + " " + mode);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return snapshot;
  }

  /** {@link #snapshot()} without the installer's own state directory. */
  public Map<String, String> snapshotOutsideState() {
    Map<String, String> snapshot = snapshot();
    snapshot.keySet().removeIf(path -> path.startsWith(".ossec-aws"));
    return snapshot;
  }
}
