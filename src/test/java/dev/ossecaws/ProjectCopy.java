package dev.ossecaws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A scratch copy of the project's {@code ruleset/} and {@code samples/} that a test may break on
 * purpose (a level changed, a sample removed) to see that the tools notice.
 */
public final class ProjectCopy {
  private final Path root;

  private ProjectCopy(Path root) {
    this.root = root;
  }

  /** Copies {@code ruleset/} and {@code samples/} of the working directory into {@code target}. */
  public static ProjectCopy into(Path target) throws IOException {
    copyTree(Path.of("ruleset"), target.resolve("ruleset"));
    copyTree(Path.of("samples"), target.resolve("samples"));
    return new ProjectCopy(target);
  }

  public Path ruleset() {
    return root.resolve("ruleset");
  }

  public Path samples() {
    return root.resolve("samples");
  }

  public Path rulesFile() {
    return ruleset().resolve("rules/amazon_rules.xml");
  }

  /** Replaces the only occurrence of {@code from} in {@code file}, failing if it is not there once. */
  public void replaceOnce(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(from);
    assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, "'" + from + "' is not in " + file + " exactly once");
    Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.ISO_8859_1);
  }

  /** Copies the tree {@code from} into {@code to}, which must not exist yet. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      paths.forEach(path -> {
        try {
          Path target = to.resolve(from.relativize(path).toString());
          if (Files.isDirectory(path)) Files.createDirectories(target);
          else Files.copy(path, target);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
