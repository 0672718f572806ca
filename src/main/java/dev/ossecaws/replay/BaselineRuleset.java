package dev.ossecaws.replay;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ruleset a baseline comparison measures against: a directory as it is, or the working
 * ruleset's directory as a git revision of its checkout holds it, extracted with {@code git show}
 * into a temporary directory that {@link #close()} deletes.
 */
public final class BaselineRuleset implements AutoCloseable {
  private final Path directory;
  private final boolean extracted;

  private BaselineRuleset(Path directory, boolean extracted) {
    this.directory = directory;
    this.extracted = extracted;
  }

  /**
   * {@code ref} as a directory if one exists by that name, else the revision {@code ref} of the
   * git checkout holding {@code ruleset}, its files at {@code ruleset}'s path. Throws IOException
   * with one sentence when neither.
   */
  public static BaselineRuleset of(String ref, Path ruleset) throws IOException {
    Path asDirectory = Path.of(ref);
    if (Files.isDirectory(asDirectory)) return new BaselineRuleset(asDirectory, false);
    Path dir = ruleset.toAbsolutePath();
    String top;
    try {
      top = git(dir, "rev-parse", "--show-toplevel").strip();
    } catch (IOException e) {
      throw new IOException("--baseline '" + ref + "' is not a directory, and " + ruleset
          + " is not in a git checkout to read it as a revision from");
    }
    String prefix = git(dir, "rev-parse", "--show-prefix").strip();
    String commit;
    try {
      commit = git(dir, "rev-parse", "--verify", "--quiet", ref + "^{commit}").strip();
    } catch (IOException e) {
      throw new IOException("--baseline '" + ref + "' is neither a directory nor a revision of the git checkout " + top);
    }
    List<String> files = new ArrayList<>();
    for (String file : git(dir, "ls-tree", "-r", "-z", "--name-only", commit, "--", ".").split("\0")) {
      if (!file.isEmpty()) files.add(file);
    }
    if (files.isEmpty()) throw new IOException("--baseline '" + ref + "' has no " + prefix + " in " + top);
    Path temp = Files.createTempDirectory("ossec-aws-baseline-");
    BaselineRuleset baseline = new BaselineRuleset(temp, true);
    try {
      for (String file : files) {
        // ls-tree run inside the ruleset directory names files relative to it.
        Path target = temp.resolve(file).normalize();
        if (!target.startsWith(temp)) throw new IOException("--baseline '" + ref + "': unexpected path " + file);
        Files.createDirectories(target.getParent());
        Files.write(target, gitBytes(dir, "show", commit + ":" + prefix + file));
      }
    } catch (IOException | RuntimeException e) {
      baseline.close();
      throw e;
    }
    return baseline;
  }

  public Path directory() {
    return directory;
  }

  /** Deletes the extracted copy; a directory given as the baseline is left alone. */
  @Override
  public void close() throws IOException {
    if (!extracted) return;
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
    }
  }

  private static String git(Path dir, String... args) throws IOException {
    return new String(gitBytes(dir, args), UTF_8);
  }

  private static byte[] gitBytes(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IOException("--baseline needs git to read a revision, and git cannot be run: " + e.getMessage());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = process.getInputStream()) {
      in.transferTo(out);
    }
    try {
      if (process.waitFor() != 0) {
        throw new IOException("git " + String.join(" ", args) + " failed in " + dir + " (not a git checkout?)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running git");
    }
    return out.toByteArray();
  }
}
